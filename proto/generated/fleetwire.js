/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const fleetwire = $root.fleetwire = (() => {

    /**
     * Namespace fleetwire.
     * @exports fleetwire
     * @namespace
     */
    const fleetwire = {};

    fleetwire.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof fleetwire
         * @namespace
         */
        const v1 = {};

        v1.ReadDtcRequest = (function() {

            /**
             * Properties of a ReadDtcRequest.
             * @typedef {Object} fleetwire.v1.ReadDtcRequest.$Properties
             * @property {number|null} [statusMask] ReadDtcRequest statusMask
             * @property {boolean|null} [includeFreezeFrames] ReadDtcRequest includeFreezeFrames
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReadDtcRequest.
             * @memberof fleetwire.v1
             * @interface IReadDtcRequest
             * @augments fleetwire.v1.ReadDtcRequest.$Properties
             * @deprecated Use fleetwire.v1.ReadDtcRequest.$Properties instead.
             */

            /**
             * Shape of a ReadDtcRequest.
             * @typedef {fleetwire.v1.ReadDtcRequest.$Properties} fleetwire.v1.ReadDtcRequest.$Shape
             */

            /**
             * Constructs a new ReadDtcRequest.
             * @memberof fleetwire.v1
             * @classdesc Represents a ReadDtcRequest.
             * @constructor
             * @param {fleetwire.v1.ReadDtcRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReadDtcRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReadDtcRequest statusMask.
             * @member {number} statusMask
             * @memberof fleetwire.v1.ReadDtcRequest
             * @instance
             */
            ReadDtcRequest.prototype.statusMask = 0;

            /**
             * ReadDtcRequest includeFreezeFrames.
             * @member {boolean} includeFreezeFrames
             * @memberof fleetwire.v1.ReadDtcRequest
             * @instance
             */
            ReadDtcRequest.prototype.includeFreezeFrames = false;

            /**
             * Creates a new ReadDtcRequest instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.ReadDtcRequest
             * @static
             * @param {fleetwire.v1.ReadDtcRequest.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.ReadDtcRequest} ReadDtcRequest instance
             * @type {{
             *   (properties: fleetwire.v1.ReadDtcRequest.$Shape): fleetwire.v1.ReadDtcRequest & fleetwire.v1.ReadDtcRequest.$Shape;
             *   (properties?: fleetwire.v1.ReadDtcRequest.$Properties): fleetwire.v1.ReadDtcRequest;
             * }}
             */
            ReadDtcRequest.create = function(properties) {
                return new ReadDtcRequest(properties);
            };

            /**
             * Encodes the specified ReadDtcRequest message. Does not implicitly {@link fleetwire.v1.ReadDtcRequest.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.ReadDtcRequest
             * @static
             * @param {fleetwire.v1.ReadDtcRequest.$Properties} message ReadDtcRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReadDtcRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.statusMask != null && $Object.hasOwnProperty.call(message, "statusMask") && message.statusMask !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.statusMask);
                if (message.includeFreezeFrames != null && $Object.hasOwnProperty.call(message, "includeFreezeFrames") && message.includeFreezeFrames !== false)
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.includeFreezeFrames);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ReadDtcRequest message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.ReadDtcRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.ReadDtcRequest & fleetwire.v1.ReadDtcRequest.$Shape} ReadDtcRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReadDtcRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.ReadDtcRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.statusMask = value;
                            else
                                delete message.statusMask;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.includeFreezeFrames = value;
                            else
                                delete message.includeFreezeFrames;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for ReadDtcRequest
             * @function getTypeUrl
             * @memberof fleetwire.v1.ReadDtcRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ReadDtcRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.ReadDtcRequest";
            };

            return ReadDtcRequest;
        })();

        v1.ClearDtcRequest = (function() {

            /**
             * Properties of a ClearDtcRequest.
             * @typedef {Object} fleetwire.v1.ClearDtcRequest.$Properties
             * @property {number|null} [group] ClearDtcRequest group
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ClearDtcRequest.
             * @memberof fleetwire.v1
             * @interface IClearDtcRequest
             * @augments fleetwire.v1.ClearDtcRequest.$Properties
             * @deprecated Use fleetwire.v1.ClearDtcRequest.$Properties instead.
             */

            /**
             * Shape of a ClearDtcRequest.
             * @typedef {fleetwire.v1.ClearDtcRequest.$Properties} fleetwire.v1.ClearDtcRequest.$Shape
             */

            /**
             * Constructs a new ClearDtcRequest.
             * @memberof fleetwire.v1
             * @classdesc Represents a ClearDtcRequest.
             * @constructor
             * @param {fleetwire.v1.ClearDtcRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ClearDtcRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ClearDtcRequest group.
             * @member {number} group
             * @memberof fleetwire.v1.ClearDtcRequest
             * @instance
             */
            ClearDtcRequest.prototype.group = 0;

            /**
             * Creates a new ClearDtcRequest instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.ClearDtcRequest
             * @static
             * @param {fleetwire.v1.ClearDtcRequest.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.ClearDtcRequest} ClearDtcRequest instance
             * @type {{
             *   (properties: fleetwire.v1.ClearDtcRequest.$Shape): fleetwire.v1.ClearDtcRequest & fleetwire.v1.ClearDtcRequest.$Shape;
             *   (properties?: fleetwire.v1.ClearDtcRequest.$Properties): fleetwire.v1.ClearDtcRequest;
             * }}
             */
            ClearDtcRequest.create = function(properties) {
                return new ClearDtcRequest(properties);
            };

            /**
             * Encodes the specified ClearDtcRequest message. Does not implicitly {@link fleetwire.v1.ClearDtcRequest.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.ClearDtcRequest
             * @static
             * @param {fleetwire.v1.ClearDtcRequest.$Properties} message ClearDtcRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClearDtcRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.group != null && $Object.hasOwnProperty.call(message, "group") && message.group !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.group);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ClearDtcRequest message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.ClearDtcRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.ClearDtcRequest & fleetwire.v1.ClearDtcRequest.$Shape} ClearDtcRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClearDtcRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.ClearDtcRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.group = value;
                            else
                                delete message.group;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for ClearDtcRequest
             * @function getTypeUrl
             * @memberof fleetwire.v1.ClearDtcRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ClearDtcRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.ClearDtcRequest";
            };

            return ClearDtcRequest;
        })();

        v1.ReadDataRequest = (function() {

            /**
             * Properties of a ReadDataRequest.
             * @typedef {Object} fleetwire.v1.ReadDataRequest.$Properties
             * @property {number|null} [did] ReadDataRequest did
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReadDataRequest.
             * @memberof fleetwire.v1
             * @interface IReadDataRequest
             * @augments fleetwire.v1.ReadDataRequest.$Properties
             * @deprecated Use fleetwire.v1.ReadDataRequest.$Properties instead.
             */

            /**
             * Shape of a ReadDataRequest.
             * @typedef {fleetwire.v1.ReadDataRequest.$Properties} fleetwire.v1.ReadDataRequest.$Shape
             */

            /**
             * Constructs a new ReadDataRequest.
             * @memberof fleetwire.v1
             * @classdesc Represents a ReadDataRequest.
             * @constructor
             * @param {fleetwire.v1.ReadDataRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReadDataRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReadDataRequest did.
             * @member {number} did
             * @memberof fleetwire.v1.ReadDataRequest
             * @instance
             */
            ReadDataRequest.prototype.did = 0;

            /**
             * Creates a new ReadDataRequest instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.ReadDataRequest
             * @static
             * @param {fleetwire.v1.ReadDataRequest.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.ReadDataRequest} ReadDataRequest instance
             * @type {{
             *   (properties: fleetwire.v1.ReadDataRequest.$Shape): fleetwire.v1.ReadDataRequest & fleetwire.v1.ReadDataRequest.$Shape;
             *   (properties?: fleetwire.v1.ReadDataRequest.$Properties): fleetwire.v1.ReadDataRequest;
             * }}
             */
            ReadDataRequest.create = function(properties) {
                return new ReadDataRequest(properties);
            };

            /**
             * Encodes the specified ReadDataRequest message. Does not implicitly {@link fleetwire.v1.ReadDataRequest.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.ReadDataRequest
             * @static
             * @param {fleetwire.v1.ReadDataRequest.$Properties} message ReadDataRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReadDataRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.did != null && $Object.hasOwnProperty.call(message, "did") && message.did !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.did);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ReadDataRequest message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.ReadDataRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.ReadDataRequest & fleetwire.v1.ReadDataRequest.$Shape} ReadDataRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReadDataRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.ReadDataRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.did = value;
                            else
                                delete message.did;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for ReadDataRequest
             * @function getTypeUrl
             * @memberof fleetwire.v1.ReadDataRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ReadDataRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.ReadDataRequest";
            };

            return ReadDataRequest;
        })();

        v1.CommandRequest = (function() {

            /**
             * Properties of a CommandRequest.
             * @typedef {Object} fleetwire.v1.CommandRequest.$Properties
             * @property {string|null} [correlationId] CommandRequest correlationId
             * @property {number|null} [expiresAtMs] CommandRequest expiresAtMs
             * @property {fleetwire.v1.ReadDtcRequest.$Properties|null} [readDtc] CommandRequest readDtc
             * @property {fleetwire.v1.ClearDtcRequest.$Properties|null} [clearDtc] CommandRequest clearDtc
             * @property {fleetwire.v1.ReadDataRequest.$Properties|null} [readData] CommandRequest readData
             * @property {"readDtc"|"clearDtc"|"readData"} [request] CommandRequest request
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CommandRequest.
             * @memberof fleetwire.v1
             * @interface ICommandRequest
             * @augments fleetwire.v1.CommandRequest.$Properties
             * @deprecated Use fleetwire.v1.CommandRequest.$Properties instead.
             */

            /**
             * Narrowed shape of a CommandRequest.
             * @typedef {{
             *   correlationId?: string|null;
             *   expiresAtMs?: number|null;
             *   readDtc?: fleetwire.v1.ReadDtcRequest.$Shape|null;
             *   clearDtc?: fleetwire.v1.ClearDtcRequest.$Shape|null;
             *   readData?: fleetwire.v1.ReadDataRequest.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ request?: undefined; readDtc?: null; clearDtc?: null; readData?: null }|{ request?: "readDtc"; readDtc: fleetwire.v1.ReadDtcRequest.$Shape; clearDtc?: null; readData?: null }|{ request?: "clearDtc"; readDtc?: null; clearDtc: fleetwire.v1.ClearDtcRequest.$Shape; readData?: null }|{ request?: "readData"; readDtc?: null; clearDtc?: null; readData: fleetwire.v1.ReadDataRequest.$Shape })
             * )} fleetwire.v1.CommandRequest.$Shape
             */

            /**
             * Constructs a new CommandRequest.
             * @memberof fleetwire.v1
             * @classdesc Represents a CommandRequest.
             * @constructor
             * @param {fleetwire.v1.CommandRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CommandRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CommandRequest correlationId.
             * @member {string} correlationId
             * @memberof fleetwire.v1.CommandRequest
             * @instance
             */
            CommandRequest.prototype.correlationId = "";

            /**
             * CommandRequest expiresAtMs.
             * @member {number} expiresAtMs
             * @memberof fleetwire.v1.CommandRequest
             * @instance
             */
            CommandRequest.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CommandRequest readDtc.
             * @member {fleetwire.v1.ReadDtcRequest.$Properties|null|undefined} readDtc
             * @memberof fleetwire.v1.CommandRequest
             * @instance
             */
            CommandRequest.prototype.readDtc = null;

            /**
             * CommandRequest clearDtc.
             * @member {fleetwire.v1.ClearDtcRequest.$Properties|null|undefined} clearDtc
             * @memberof fleetwire.v1.CommandRequest
             * @instance
             */
            CommandRequest.prototype.clearDtc = null;

            /**
             * CommandRequest readData.
             * @member {fleetwire.v1.ReadDataRequest.$Properties|null|undefined} readData
             * @memberof fleetwire.v1.CommandRequest
             * @instance
             */
            CommandRequest.prototype.readData = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * CommandRequest request.
             * @member {"readDtc"|"clearDtc"|"readData"|undefined} request
             * @memberof fleetwire.v1.CommandRequest
             * @instance
             */
            $Object.defineProperty(CommandRequest.prototype, "request", {
                get: $util.oneOfGetter($oneOfFields = ["readDtc", "clearDtc", "readData"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new CommandRequest instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.CommandRequest
             * @static
             * @param {fleetwire.v1.CommandRequest.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.CommandRequest} CommandRequest instance
             * @type {{
             *   (properties: fleetwire.v1.CommandRequest.$Shape): fleetwire.v1.CommandRequest & fleetwire.v1.CommandRequest.$Shape;
             *   (properties?: fleetwire.v1.CommandRequest.$Properties): fleetwire.v1.CommandRequest;
             * }}
             */
            CommandRequest.create = function(properties) {
                return new CommandRequest(properties);
            };

            /**
             * Encodes the specified CommandRequest message. Does not implicitly {@link fleetwire.v1.CommandRequest.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.CommandRequest
             * @static
             * @param {fleetwire.v1.CommandRequest.$Properties} message CommandRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CommandRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.correlationId != null && $Object.hasOwnProperty.call(message, "correlationId") && message.correlationId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.correlationId);
                if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs") && (typeof message.expiresAtMs === "object" ? message.expiresAtMs.low || message.expiresAtMs.high : message.expiresAtMs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.expiresAtMs);
                if (message.readDtc != null && $Object.hasOwnProperty.call(message, "readDtc"))
                    $root.fleetwire.v1.ReadDtcRequest.encode(message.readDtc, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.clearDtc != null && $Object.hasOwnProperty.call(message, "clearDtc"))
                    $root.fleetwire.v1.ClearDtcRequest.encode(message.clearDtc, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.readData != null && $Object.hasOwnProperty.call(message, "readData"))
                    $root.fleetwire.v1.ReadDataRequest.encode(message.readData, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CommandRequest message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.CommandRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.CommandRequest & fleetwire.v1.CommandRequest.$Shape} CommandRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CommandRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.CommandRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.correlationId = value;
                            else
                                delete message.correlationId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.expiresAtMs = value;
                            else
                                delete message.expiresAtMs;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.readDtc = $root.fleetwire.v1.ReadDtcRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.readDtc);
                            message.request = "readDtc";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.clearDtc = $root.fleetwire.v1.ClearDtcRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.clearDtc);
                            message.request = "clearDtc";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.readData = $root.fleetwire.v1.ReadDataRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.readData);
                            message.request = "readData";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for CommandRequest
             * @function getTypeUrl
             * @memberof fleetwire.v1.CommandRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CommandRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.CommandRequest";
            };

            return CommandRequest;
        })();

        v1.DtcRecord = (function() {

            /**
             * Properties of a DtcRecord.
             * @typedef {Object} fleetwire.v1.DtcRecord.$Properties
             * @property {string|null} [code] DtcRecord code
             * @property {string|null} [ecuId] DtcRecord ecuId
             * @property {number|null} [status] DtcRecord status
             * @property {Array.<fleetwire.v1.Sample.$Properties>|null} [freezeFrame] DtcRecord freezeFrame
             * @property {number|null} [firstSeenMs] DtcRecord firstSeenMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DtcRecord.
             * @memberof fleetwire.v1
             * @interface IDtcRecord
             * @augments fleetwire.v1.DtcRecord.$Properties
             * @deprecated Use fleetwire.v1.DtcRecord.$Properties instead.
             */

            /**
             * Shape of a DtcRecord.
             * @typedef {fleetwire.v1.DtcRecord.$Properties} fleetwire.v1.DtcRecord.$Shape
             */

            /**
             * Constructs a new DtcRecord.
             * @memberof fleetwire.v1
             * @classdesc Represents a DtcRecord.
             * @constructor
             * @param {fleetwire.v1.DtcRecord.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DtcRecord = function (properties) {
                this.freezeFrame = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DtcRecord code.
             * @member {string} code
             * @memberof fleetwire.v1.DtcRecord
             * @instance
             */
            DtcRecord.prototype.code = "";

            /**
             * DtcRecord ecuId.
             * @member {string} ecuId
             * @memberof fleetwire.v1.DtcRecord
             * @instance
             */
            DtcRecord.prototype.ecuId = "";

            /**
             * DtcRecord status.
             * @member {number} status
             * @memberof fleetwire.v1.DtcRecord
             * @instance
             */
            DtcRecord.prototype.status = 0;

            /**
             * DtcRecord freezeFrame.
             * @member {Array.<fleetwire.v1.Sample.$Properties>} freezeFrame
             * @memberof fleetwire.v1.DtcRecord
             * @instance
             */
            DtcRecord.prototype.freezeFrame = $util.emptyArray;

            /**
             * DtcRecord firstSeenMs.
             * @member {number} firstSeenMs
             * @memberof fleetwire.v1.DtcRecord
             * @instance
             */
            DtcRecord.prototype.firstSeenMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new DtcRecord instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.DtcRecord
             * @static
             * @param {fleetwire.v1.DtcRecord.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.DtcRecord} DtcRecord instance
             * @type {{
             *   (properties: fleetwire.v1.DtcRecord.$Shape): fleetwire.v1.DtcRecord & fleetwire.v1.DtcRecord.$Shape;
             *   (properties?: fleetwire.v1.DtcRecord.$Properties): fleetwire.v1.DtcRecord;
             * }}
             */
            DtcRecord.create = function(properties) {
                return new DtcRecord(properties);
            };

            /**
             * Encodes the specified DtcRecord message. Does not implicitly {@link fleetwire.v1.DtcRecord.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.DtcRecord
             * @static
             * @param {fleetwire.v1.DtcRecord.$Properties} message DtcRecord message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DtcRecord.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.ecuId != null && $Object.hasOwnProperty.call(message, "ecuId") && message.ecuId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.ecuId);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.status);
                if (message.freezeFrame != null && message.freezeFrame.length)
                    for (let i = 0; i < message.freezeFrame.length; ++i)
                        $root.fleetwire.v1.Sample.encode(message.freezeFrame[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.firstSeenMs != null && $Object.hasOwnProperty.call(message, "firstSeenMs") && (typeof message.firstSeenMs === "object" ? message.firstSeenMs.low || message.firstSeenMs.high : message.firstSeenMs !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.firstSeenMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DtcRecord message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.DtcRecord
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.DtcRecord & fleetwire.v1.DtcRecord.$Shape} DtcRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DtcRecord.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.DtcRecord();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ecuId = value;
                            else
                                delete message.ecuId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.freezeFrame && message.freezeFrame.length))
                                message.freezeFrame = [];
                            message.freezeFrame.push($root.fleetwire.v1.Sample.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.firstSeenMs = value;
                            else
                                delete message.firstSeenMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for DtcRecord
             * @function getTypeUrl
             * @memberof fleetwire.v1.DtcRecord
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DtcRecord.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.DtcRecord";
            };

            return DtcRecord;
        })();

        v1.ReadDtcResponse = (function() {

            /**
             * Properties of a ReadDtcResponse.
             * @typedef {Object} fleetwire.v1.ReadDtcResponse.$Properties
             * @property {Array.<fleetwire.v1.DtcRecord.$Properties>|null} [dtcs] ReadDtcResponse dtcs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReadDtcResponse.
             * @memberof fleetwire.v1
             * @interface IReadDtcResponse
             * @augments fleetwire.v1.ReadDtcResponse.$Properties
             * @deprecated Use fleetwire.v1.ReadDtcResponse.$Properties instead.
             */

            /**
             * Shape of a ReadDtcResponse.
             * @typedef {fleetwire.v1.ReadDtcResponse.$Properties} fleetwire.v1.ReadDtcResponse.$Shape
             */

            /**
             * Constructs a new ReadDtcResponse.
             * @memberof fleetwire.v1
             * @classdesc Represents a ReadDtcResponse.
             * @constructor
             * @param {fleetwire.v1.ReadDtcResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReadDtcResponse = function (properties) {
                this.dtcs = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReadDtcResponse dtcs.
             * @member {Array.<fleetwire.v1.DtcRecord.$Properties>} dtcs
             * @memberof fleetwire.v1.ReadDtcResponse
             * @instance
             */
            ReadDtcResponse.prototype.dtcs = $util.emptyArray;

            /**
             * Creates a new ReadDtcResponse instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.ReadDtcResponse
             * @static
             * @param {fleetwire.v1.ReadDtcResponse.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.ReadDtcResponse} ReadDtcResponse instance
             * @type {{
             *   (properties: fleetwire.v1.ReadDtcResponse.$Shape): fleetwire.v1.ReadDtcResponse & fleetwire.v1.ReadDtcResponse.$Shape;
             *   (properties?: fleetwire.v1.ReadDtcResponse.$Properties): fleetwire.v1.ReadDtcResponse;
             * }}
             */
            ReadDtcResponse.create = function(properties) {
                return new ReadDtcResponse(properties);
            };

            /**
             * Encodes the specified ReadDtcResponse message. Does not implicitly {@link fleetwire.v1.ReadDtcResponse.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.ReadDtcResponse
             * @static
             * @param {fleetwire.v1.ReadDtcResponse.$Properties} message ReadDtcResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReadDtcResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.dtcs != null && message.dtcs.length)
                    for (let i = 0; i < message.dtcs.length; ++i)
                        $root.fleetwire.v1.DtcRecord.encode(message.dtcs[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ReadDtcResponse message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.ReadDtcResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.ReadDtcResponse & fleetwire.v1.ReadDtcResponse.$Shape} ReadDtcResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReadDtcResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.ReadDtcResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.dtcs && message.dtcs.length))
                                message.dtcs = [];
                            message.dtcs.push($root.fleetwire.v1.DtcRecord.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for ReadDtcResponse
             * @function getTypeUrl
             * @memberof fleetwire.v1.ReadDtcResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ReadDtcResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.ReadDtcResponse";
            };

            return ReadDtcResponse;
        })();

        v1.ClearDtcResponse = (function() {

            /**
             * Properties of a ClearDtcResponse.
             * @typedef {Object} fleetwire.v1.ClearDtcResponse.$Properties
             * @property {number|null} [cleared] ClearDtcResponse cleared
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ClearDtcResponse.
             * @memberof fleetwire.v1
             * @interface IClearDtcResponse
             * @augments fleetwire.v1.ClearDtcResponse.$Properties
             * @deprecated Use fleetwire.v1.ClearDtcResponse.$Properties instead.
             */

            /**
             * Shape of a ClearDtcResponse.
             * @typedef {fleetwire.v1.ClearDtcResponse.$Properties} fleetwire.v1.ClearDtcResponse.$Shape
             */

            /**
             * Constructs a new ClearDtcResponse.
             * @memberof fleetwire.v1
             * @classdesc Represents a ClearDtcResponse.
             * @constructor
             * @param {fleetwire.v1.ClearDtcResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ClearDtcResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ClearDtcResponse cleared.
             * @member {number} cleared
             * @memberof fleetwire.v1.ClearDtcResponse
             * @instance
             */
            ClearDtcResponse.prototype.cleared = 0;

            /**
             * Creates a new ClearDtcResponse instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.ClearDtcResponse
             * @static
             * @param {fleetwire.v1.ClearDtcResponse.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.ClearDtcResponse} ClearDtcResponse instance
             * @type {{
             *   (properties: fleetwire.v1.ClearDtcResponse.$Shape): fleetwire.v1.ClearDtcResponse & fleetwire.v1.ClearDtcResponse.$Shape;
             *   (properties?: fleetwire.v1.ClearDtcResponse.$Properties): fleetwire.v1.ClearDtcResponse;
             * }}
             */
            ClearDtcResponse.create = function(properties) {
                return new ClearDtcResponse(properties);
            };

            /**
             * Encodes the specified ClearDtcResponse message. Does not implicitly {@link fleetwire.v1.ClearDtcResponse.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.ClearDtcResponse
             * @static
             * @param {fleetwire.v1.ClearDtcResponse.$Properties} message ClearDtcResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClearDtcResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.cleared != null && $Object.hasOwnProperty.call(message, "cleared") && message.cleared !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.cleared);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ClearDtcResponse message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.ClearDtcResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.ClearDtcResponse & fleetwire.v1.ClearDtcResponse.$Shape} ClearDtcResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClearDtcResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.ClearDtcResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.cleared = value;
                            else
                                delete message.cleared;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for ClearDtcResponse
             * @function getTypeUrl
             * @memberof fleetwire.v1.ClearDtcResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ClearDtcResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.ClearDtcResponse";
            };

            return ClearDtcResponse;
        })();

        v1.ReadDataResponse = (function() {

            /**
             * Properties of a ReadDataResponse.
             * @typedef {Object} fleetwire.v1.ReadDataResponse.$Properties
             * @property {number|null} [did] ReadDataResponse did
             * @property {Uint8Array|null} [value] ReadDataResponse value
             * @property {string|null} [text] ReadDataResponse text
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReadDataResponse.
             * @memberof fleetwire.v1
             * @interface IReadDataResponse
             * @augments fleetwire.v1.ReadDataResponse.$Properties
             * @deprecated Use fleetwire.v1.ReadDataResponse.$Properties instead.
             */

            /**
             * Shape of a ReadDataResponse.
             * @typedef {fleetwire.v1.ReadDataResponse.$Properties} fleetwire.v1.ReadDataResponse.$Shape
             */

            /**
             * Constructs a new ReadDataResponse.
             * @memberof fleetwire.v1
             * @classdesc Represents a ReadDataResponse.
             * @constructor
             * @param {fleetwire.v1.ReadDataResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReadDataResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReadDataResponse did.
             * @member {number} did
             * @memberof fleetwire.v1.ReadDataResponse
             * @instance
             */
            ReadDataResponse.prototype.did = 0;

            /**
             * ReadDataResponse value.
             * @member {Uint8Array} value
             * @memberof fleetwire.v1.ReadDataResponse
             * @instance
             */
            ReadDataResponse.prototype.value = $util.newBuffer([]);

            /**
             * ReadDataResponse text.
             * @member {string} text
             * @memberof fleetwire.v1.ReadDataResponse
             * @instance
             */
            ReadDataResponse.prototype.text = "";

            /**
             * Creates a new ReadDataResponse instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.ReadDataResponse
             * @static
             * @param {fleetwire.v1.ReadDataResponse.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.ReadDataResponse} ReadDataResponse instance
             * @type {{
             *   (properties: fleetwire.v1.ReadDataResponse.$Shape): fleetwire.v1.ReadDataResponse & fleetwire.v1.ReadDataResponse.$Shape;
             *   (properties?: fleetwire.v1.ReadDataResponse.$Properties): fleetwire.v1.ReadDataResponse;
             * }}
             */
            ReadDataResponse.create = function(properties) {
                return new ReadDataResponse(properties);
            };

            /**
             * Encodes the specified ReadDataResponse message. Does not implicitly {@link fleetwire.v1.ReadDataResponse.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.ReadDataResponse
             * @static
             * @param {fleetwire.v1.ReadDataResponse.$Properties} message ReadDataResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReadDataResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.did != null && $Object.hasOwnProperty.call(message, "did") && message.did !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.did);
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.value);
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ReadDataResponse message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.ReadDataResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.ReadDataResponse & fleetwire.v1.ReadDataResponse.$Shape} ReadDataResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReadDataResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.ReadDataResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.did = value;
                            else
                                delete message.did;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for ReadDataResponse
             * @function getTypeUrl
             * @memberof fleetwire.v1.ReadDataResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ReadDataResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.ReadDataResponse";
            };

            return ReadDataResponse;
        })();

        v1.NegativeResponse = (function() {

            /**
             * Properties of a NegativeResponse.
             * @typedef {Object} fleetwire.v1.NegativeResponse.$Properties
             * @property {number|null} [serviceId] NegativeResponse serviceId
             * @property {number|null} [code] NegativeResponse code
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NegativeResponse.
             * @memberof fleetwire.v1
             * @interface INegativeResponse
             * @augments fleetwire.v1.NegativeResponse.$Properties
             * @deprecated Use fleetwire.v1.NegativeResponse.$Properties instead.
             */

            /**
             * Shape of a NegativeResponse.
             * @typedef {fleetwire.v1.NegativeResponse.$Properties} fleetwire.v1.NegativeResponse.$Shape
             */

            /**
             * Constructs a new NegativeResponse.
             * @memberof fleetwire.v1
             * @classdesc Represents a NegativeResponse.
             * @constructor
             * @param {fleetwire.v1.NegativeResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NegativeResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NegativeResponse serviceId.
             * @member {number} serviceId
             * @memberof fleetwire.v1.NegativeResponse
             * @instance
             */
            NegativeResponse.prototype.serviceId = 0;

            /**
             * NegativeResponse code.
             * @member {number} code
             * @memberof fleetwire.v1.NegativeResponse
             * @instance
             */
            NegativeResponse.prototype.code = 0;

            /**
             * Creates a new NegativeResponse instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.NegativeResponse
             * @static
             * @param {fleetwire.v1.NegativeResponse.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.NegativeResponse} NegativeResponse instance
             * @type {{
             *   (properties: fleetwire.v1.NegativeResponse.$Shape): fleetwire.v1.NegativeResponse & fleetwire.v1.NegativeResponse.$Shape;
             *   (properties?: fleetwire.v1.NegativeResponse.$Properties): fleetwire.v1.NegativeResponse;
             * }}
             */
            NegativeResponse.create = function(properties) {
                return new NegativeResponse(properties);
            };

            /**
             * Encodes the specified NegativeResponse message. Does not implicitly {@link fleetwire.v1.NegativeResponse.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.NegativeResponse
             * @static
             * @param {fleetwire.v1.NegativeResponse.$Properties} message NegativeResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NegativeResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.serviceId != null && $Object.hasOwnProperty.call(message, "serviceId") && message.serviceId !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.serviceId);
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.code);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a NegativeResponse message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.NegativeResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.NegativeResponse & fleetwire.v1.NegativeResponse.$Shape} NegativeResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NegativeResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.NegativeResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.serviceId = value;
                            else
                                delete message.serviceId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for NegativeResponse
             * @function getTypeUrl
             * @memberof fleetwire.v1.NegativeResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            NegativeResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.NegativeResponse";
            };

            return NegativeResponse;
        })();

        v1.CommandResponse = (function() {

            /**
             * Properties of a CommandResponse.
             * @typedef {Object} fleetwire.v1.CommandResponse.$Properties
             * @property {string|null} [correlationId] CommandResponse correlationId
             * @property {number|null} [timeMs] CommandResponse timeMs
             * @property {fleetwire.v1.ReadDtcResponse.$Properties|null} [readDtc] CommandResponse readDtc
             * @property {fleetwire.v1.ClearDtcResponse.$Properties|null} [clearDtc] CommandResponse clearDtc
             * @property {fleetwire.v1.ReadDataResponse.$Properties|null} [readData] CommandResponse readData
             * @property {fleetwire.v1.NegativeResponse.$Properties|null} [negative] CommandResponse negative
             * @property {"readDtc"|"clearDtc"|"readData"|"negative"} [result] CommandResponse result
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CommandResponse.
             * @memberof fleetwire.v1
             * @interface ICommandResponse
             * @augments fleetwire.v1.CommandResponse.$Properties
             * @deprecated Use fleetwire.v1.CommandResponse.$Properties instead.
             */

            /**
             * Narrowed shape of a CommandResponse.
             * @typedef {{
             *   correlationId?: string|null;
             *   timeMs?: number|null;
             *   readDtc?: fleetwire.v1.ReadDtcResponse.$Shape|null;
             *   clearDtc?: fleetwire.v1.ClearDtcResponse.$Shape|null;
             *   readData?: fleetwire.v1.ReadDataResponse.$Shape|null;
             *   negative?: fleetwire.v1.NegativeResponse.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ result?: undefined; readDtc?: null; clearDtc?: null; readData?: null; negative?: null }|{ result?: "readDtc"; readDtc: fleetwire.v1.ReadDtcResponse.$Shape; clearDtc?: null; readData?: null; negative?: null }|{ result?: "clearDtc"; readDtc?: null; clearDtc: fleetwire.v1.ClearDtcResponse.$Shape; readData?: null; negative?: null }|{ result?: "readData"; readDtc?: null; clearDtc?: null; readData: fleetwire.v1.ReadDataResponse.$Shape; negative?: null }|{ result?: "negative"; readDtc?: null; clearDtc?: null; readData?: null; negative: fleetwire.v1.NegativeResponse.$Shape })
             * )} fleetwire.v1.CommandResponse.$Shape
             */

            /**
             * Constructs a new CommandResponse.
             * @memberof fleetwire.v1
             * @classdesc Represents a CommandResponse.
             * @constructor
             * @param {fleetwire.v1.CommandResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CommandResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CommandResponse correlationId.
             * @member {string} correlationId
             * @memberof fleetwire.v1.CommandResponse
             * @instance
             */
            CommandResponse.prototype.correlationId = "";

            /**
             * CommandResponse timeMs.
             * @member {number} timeMs
             * @memberof fleetwire.v1.CommandResponse
             * @instance
             */
            CommandResponse.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * CommandResponse readDtc.
             * @member {fleetwire.v1.ReadDtcResponse.$Properties|null|undefined} readDtc
             * @memberof fleetwire.v1.CommandResponse
             * @instance
             */
            CommandResponse.prototype.readDtc = null;

            /**
             * CommandResponse clearDtc.
             * @member {fleetwire.v1.ClearDtcResponse.$Properties|null|undefined} clearDtc
             * @memberof fleetwire.v1.CommandResponse
             * @instance
             */
            CommandResponse.prototype.clearDtc = null;

            /**
             * CommandResponse readData.
             * @member {fleetwire.v1.ReadDataResponse.$Properties|null|undefined} readData
             * @memberof fleetwire.v1.CommandResponse
             * @instance
             */
            CommandResponse.prototype.readData = null;

            /**
             * CommandResponse negative.
             * @member {fleetwire.v1.NegativeResponse.$Properties|null|undefined} negative
             * @memberof fleetwire.v1.CommandResponse
             * @instance
             */
            CommandResponse.prototype.negative = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * CommandResponse result.
             * @member {"readDtc"|"clearDtc"|"readData"|"negative"|undefined} result
             * @memberof fleetwire.v1.CommandResponse
             * @instance
             */
            $Object.defineProperty(CommandResponse.prototype, "result", {
                get: $util.oneOfGetter($oneOfFields = ["readDtc", "clearDtc", "readData", "negative"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new CommandResponse instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.CommandResponse
             * @static
             * @param {fleetwire.v1.CommandResponse.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.CommandResponse} CommandResponse instance
             * @type {{
             *   (properties: fleetwire.v1.CommandResponse.$Shape): fleetwire.v1.CommandResponse & fleetwire.v1.CommandResponse.$Shape;
             *   (properties?: fleetwire.v1.CommandResponse.$Properties): fleetwire.v1.CommandResponse;
             * }}
             */
            CommandResponse.create = function(properties) {
                return new CommandResponse(properties);
            };

            /**
             * Encodes the specified CommandResponse message. Does not implicitly {@link fleetwire.v1.CommandResponse.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.CommandResponse
             * @static
             * @param {fleetwire.v1.CommandResponse.$Properties} message CommandResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CommandResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.correlationId != null && $Object.hasOwnProperty.call(message, "correlationId") && message.correlationId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.correlationId);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.timeMs);
                if (message.readDtc != null && $Object.hasOwnProperty.call(message, "readDtc"))
                    $root.fleetwire.v1.ReadDtcResponse.encode(message.readDtc, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.clearDtc != null && $Object.hasOwnProperty.call(message, "clearDtc"))
                    $root.fleetwire.v1.ClearDtcResponse.encode(message.clearDtc, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.readData != null && $Object.hasOwnProperty.call(message, "readData"))
                    $root.fleetwire.v1.ReadDataResponse.encode(message.readData, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.negative != null && $Object.hasOwnProperty.call(message, "negative"))
                    $root.fleetwire.v1.NegativeResponse.encode(message.negative, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CommandResponse message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.CommandResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.CommandResponse & fleetwire.v1.CommandResponse.$Shape} CommandResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CommandResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.CommandResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.correlationId = value;
                            else
                                delete message.correlationId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.readDtc = $root.fleetwire.v1.ReadDtcResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.readDtc);
                            message.result = "readDtc";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.clearDtc = $root.fleetwire.v1.ClearDtcResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.clearDtc);
                            message.result = "clearDtc";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.readData = $root.fleetwire.v1.ReadDataResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.readData);
                            message.result = "readData";
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            message.negative = $root.fleetwire.v1.NegativeResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.negative);
                            message.result = "negative";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for CommandResponse
             * @function getTypeUrl
             * @memberof fleetwire.v1.CommandResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CommandResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.CommandResponse";
            };

            return CommandResponse;
        })();

        v1.Sample = (function() {

            /**
             * Properties of a Sample.
             * @typedef {Object} fleetwire.v1.Sample.$Properties
             * @property {number|null} [signalId] Sample signalId
             * @property {number|null} [value] Sample value
             * @property {number|null} [offsetMs] Sample offsetMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Sample.
             * @memberof fleetwire.v1
             * @interface ISample
             * @augments fleetwire.v1.Sample.$Properties
             * @deprecated Use fleetwire.v1.Sample.$Properties instead.
             */

            /**
             * Shape of a Sample.
             * @typedef {fleetwire.v1.Sample.$Properties} fleetwire.v1.Sample.$Shape
             */

            /**
             * Constructs a new Sample.
             * @memberof fleetwire.v1
             * @classdesc Represents a Sample.
             * @constructor
             * @param {fleetwire.v1.Sample.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Sample = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Sample signalId.
             * @member {number} signalId
             * @memberof fleetwire.v1.Sample
             * @instance
             */
            Sample.prototype.signalId = 0;

            /**
             * Sample value.
             * @member {number} value
             * @memberof fleetwire.v1.Sample
             * @instance
             */
            Sample.prototype.value = 0;

            /**
             * Sample offsetMs.
             * @member {number} offsetMs
             * @memberof fleetwire.v1.Sample
             * @instance
             */
            Sample.prototype.offsetMs = 0;

            /**
             * Creates a new Sample instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.Sample
             * @static
             * @param {fleetwire.v1.Sample.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.Sample} Sample instance
             * @type {{
             *   (properties: fleetwire.v1.Sample.$Shape): fleetwire.v1.Sample & fleetwire.v1.Sample.$Shape;
             *   (properties?: fleetwire.v1.Sample.$Properties): fleetwire.v1.Sample;
             * }}
             */
            Sample.create = function(properties) {
                return new Sample(properties);
            };

            /**
             * Encodes the specified Sample message. Does not implicitly {@link fleetwire.v1.Sample.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.Sample
             * @static
             * @param {fleetwire.v1.Sample.$Properties} message Sample message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Sample.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.signalId != null && $Object.hasOwnProperty.call(message, "signalId") && message.signalId !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.signalId);
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && !$Object.is(message.value, 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.value);
                if (message.offsetMs != null && $Object.hasOwnProperty.call(message, "offsetMs") && message.offsetMs !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.offsetMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Sample message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.Sample
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.Sample & fleetwire.v1.Sample.$Shape} Sample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Sample.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.Sample();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.signalId = value;
                            else
                                delete message.signalId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.offsetMs = value;
                            else
                                delete message.offsetMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Sample
             * @function getTypeUrl
             * @memberof fleetwire.v1.Sample
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Sample.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.Sample";
            };

            return Sample;
        })();

        v1.TelemetryBatch = (function() {

            /**
             * Properties of a TelemetryBatch.
             * @typedef {Object} fleetwire.v1.TelemetryBatch.$Properties
             * @property {number|null} [seq] TelemetryBatch seq
             * @property {number|null} [baseTimeMs] TelemetryBatch baseTimeMs
             * @property {Array.<fleetwire.v1.Sample.$Properties>|null} [samples] TelemetryBatch samples
             * @property {number|null} [session] TelemetryBatch session
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TelemetryBatch.
             * @memberof fleetwire.v1
             * @interface ITelemetryBatch
             * @augments fleetwire.v1.TelemetryBatch.$Properties
             * @deprecated Use fleetwire.v1.TelemetryBatch.$Properties instead.
             */

            /**
             * Shape of a TelemetryBatch.
             * @typedef {fleetwire.v1.TelemetryBatch.$Properties} fleetwire.v1.TelemetryBatch.$Shape
             */

            /**
             * Constructs a new TelemetryBatch.
             * @memberof fleetwire.v1
             * @classdesc Represents a TelemetryBatch.
             * @constructor
             * @param {fleetwire.v1.TelemetryBatch.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TelemetryBatch = function (properties) {
                this.samples = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TelemetryBatch seq.
             * @member {number} seq
             * @memberof fleetwire.v1.TelemetryBatch
             * @instance
             */
            TelemetryBatch.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * TelemetryBatch baseTimeMs.
             * @member {number} baseTimeMs
             * @memberof fleetwire.v1.TelemetryBatch
             * @instance
             */
            TelemetryBatch.prototype.baseTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * TelemetryBatch samples.
             * @member {Array.<fleetwire.v1.Sample.$Properties>} samples
             * @memberof fleetwire.v1.TelemetryBatch
             * @instance
             */
            TelemetryBatch.prototype.samples = $util.emptyArray;

            /**
             * TelemetryBatch session.
             * @member {number} session
             * @memberof fleetwire.v1.TelemetryBatch
             * @instance
             */
            TelemetryBatch.prototype.session = 0;

            /**
             * Creates a new TelemetryBatch instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.TelemetryBatch
             * @static
             * @param {fleetwire.v1.TelemetryBatch.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.TelemetryBatch} TelemetryBatch instance
             * @type {{
             *   (properties: fleetwire.v1.TelemetryBatch.$Shape): fleetwire.v1.TelemetryBatch & fleetwire.v1.TelemetryBatch.$Shape;
             *   (properties?: fleetwire.v1.TelemetryBatch.$Properties): fleetwire.v1.TelemetryBatch;
             * }}
             */
            TelemetryBatch.create = function(properties) {
                return new TelemetryBatch(properties);
            };

            /**
             * Encodes the specified TelemetryBatch message. Does not implicitly {@link fleetwire.v1.TelemetryBatch.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.TelemetryBatch
             * @static
             * @param {fleetwire.v1.TelemetryBatch.$Properties} message TelemetryBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TelemetryBatch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
                if (message.baseTimeMs != null && $Object.hasOwnProperty.call(message, "baseTimeMs") && (typeof message.baseTimeMs === "object" ? message.baseTimeMs.low || message.baseTimeMs.high : message.baseTimeMs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.baseTimeMs);
                if (message.samples != null && message.samples.length)
                    for (let i = 0; i < message.samples.length; ++i)
                        $root.fleetwire.v1.Sample.encode(message.samples[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.session != null && $Object.hasOwnProperty.call(message, "session") && message.session !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.session);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TelemetryBatch message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.TelemetryBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.TelemetryBatch & fleetwire.v1.TelemetryBatch.$Shape} TelemetryBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TelemetryBatch.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.TelemetryBatch();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.baseTimeMs = value;
                            else
                                delete message.baseTimeMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.samples && message.samples.length))
                                message.samples = [];
                            message.samples.push($root.fleetwire.v1.Sample.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.session = value;
                            else
                                delete message.session;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for TelemetryBatch
             * @function getTypeUrl
             * @memberof fleetwire.v1.TelemetryBatch
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TelemetryBatch.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.TelemetryBatch";
            };

            return TelemetryBatch;
        })();

        v1.DiagnosticEvent = (function() {

            /**
             * Properties of a DiagnosticEvent.
             * @typedef {Object} fleetwire.v1.DiagnosticEvent.$Properties
             * @property {string|null} [code] DiagnosticEvent code
             * @property {string|null} [ecuId] DiagnosticEvent ecuId
             * @property {number|null} [status] DiagnosticEvent status
             * @property {fleetwire.v1.DiagnosticEvent.Action|null} [action] DiagnosticEvent action
             * @property {number|null} [timeMs] DiagnosticEvent timeMs
             * @property {Array.<fleetwire.v1.Sample.$Properties>|null} [freezeFrame] DiagnosticEvent freezeFrame
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DiagnosticEvent.
             * @memberof fleetwire.v1
             * @interface IDiagnosticEvent
             * @augments fleetwire.v1.DiagnosticEvent.$Properties
             * @deprecated Use fleetwire.v1.DiagnosticEvent.$Properties instead.
             */

            /**
             * Shape of a DiagnosticEvent.
             * @typedef {fleetwire.v1.DiagnosticEvent.$Properties} fleetwire.v1.DiagnosticEvent.$Shape
             */

            /**
             * Constructs a new DiagnosticEvent.
             * @memberof fleetwire.v1
             * @classdesc Represents a DiagnosticEvent.
             * @constructor
             * @param {fleetwire.v1.DiagnosticEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DiagnosticEvent = function (properties) {
                this.freezeFrame = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DiagnosticEvent code.
             * @member {string} code
             * @memberof fleetwire.v1.DiagnosticEvent
             * @instance
             */
            DiagnosticEvent.prototype.code = "";

            /**
             * DiagnosticEvent ecuId.
             * @member {string} ecuId
             * @memberof fleetwire.v1.DiagnosticEvent
             * @instance
             */
            DiagnosticEvent.prototype.ecuId = "";

            /**
             * DiagnosticEvent status.
             * @member {number} status
             * @memberof fleetwire.v1.DiagnosticEvent
             * @instance
             */
            DiagnosticEvent.prototype.status = 0;

            /**
             * DiagnosticEvent action.
             * @member {fleetwire.v1.DiagnosticEvent.Action} action
             * @memberof fleetwire.v1.DiagnosticEvent
             * @instance
             */
            DiagnosticEvent.prototype.action = 0;

            /**
             * DiagnosticEvent timeMs.
             * @member {number} timeMs
             * @memberof fleetwire.v1.DiagnosticEvent
             * @instance
             */
            DiagnosticEvent.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DiagnosticEvent freezeFrame.
             * @member {Array.<fleetwire.v1.Sample.$Properties>} freezeFrame
             * @memberof fleetwire.v1.DiagnosticEvent
             * @instance
             */
            DiagnosticEvent.prototype.freezeFrame = $util.emptyArray;

            /**
             * Creates a new DiagnosticEvent instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.DiagnosticEvent
             * @static
             * @param {fleetwire.v1.DiagnosticEvent.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.DiagnosticEvent} DiagnosticEvent instance
             * @type {{
             *   (properties: fleetwire.v1.DiagnosticEvent.$Shape): fleetwire.v1.DiagnosticEvent & fleetwire.v1.DiagnosticEvent.$Shape;
             *   (properties?: fleetwire.v1.DiagnosticEvent.$Properties): fleetwire.v1.DiagnosticEvent;
             * }}
             */
            DiagnosticEvent.create = function(properties) {
                return new DiagnosticEvent(properties);
            };

            /**
             * Encodes the specified DiagnosticEvent message. Does not implicitly {@link fleetwire.v1.DiagnosticEvent.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.DiagnosticEvent
             * @static
             * @param {fleetwire.v1.DiagnosticEvent.$Properties} message DiagnosticEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DiagnosticEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.ecuId != null && $Object.hasOwnProperty.call(message, "ecuId") && message.ecuId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.ecuId);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.status);
                if (message.action != null && $Object.hasOwnProperty.call(message, "action") && message.action !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.action);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.timeMs);
                if (message.freezeFrame != null && message.freezeFrame.length)
                    for (let i = 0; i < message.freezeFrame.length; ++i)
                        $root.fleetwire.v1.Sample.encode(message.freezeFrame[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DiagnosticEvent message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.DiagnosticEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.DiagnosticEvent & fleetwire.v1.DiagnosticEvent.$Shape} DiagnosticEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DiagnosticEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.DiagnosticEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ecuId = value;
                            else
                                delete message.ecuId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.action = value;
                            else
                                delete message.action;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.freezeFrame && message.freezeFrame.length))
                                message.freezeFrame = [];
                            message.freezeFrame.push($root.fleetwire.v1.Sample.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for DiagnosticEvent
             * @function getTypeUrl
             * @memberof fleetwire.v1.DiagnosticEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DiagnosticEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.DiagnosticEvent";
            };

            /**
             * Action enum.
             * @name fleetwire.v1.DiagnosticEvent.Action
             * @enum {number}
             * @property {number} ACTION_UNSPECIFIED=0 ACTION_UNSPECIFIED value
             * @property {number} ACTION_SET=1 ACTION_SET value
             * @property {number} ACTION_CLEARED=2 ACTION_CLEARED value
             */
            DiagnosticEvent.Action = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "ACTION_UNSPECIFIED"] = 0;
                values[valuesById[1] = "ACTION_SET"] = 1;
                values[valuesById[2] = "ACTION_CLEARED"] = 2;
                return values;
            })();

            return DiagnosticEvent;
        })();

        v1.SafetyNotice = (function() {

            /**
             * Properties of a SafetyNotice.
             * @typedef {Object} fleetwire.v1.SafetyNotice.$Properties
             * @property {Uint8Array|null} [document] SafetyNotice document
             * @property {Uint8Array|null} [signature] SafetyNotice signature
             * @property {string|null} [keyId] SafetyNotice keyId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SafetyNotice.
             * @memberof fleetwire.v1
             * @interface ISafetyNotice
             * @augments fleetwire.v1.SafetyNotice.$Properties
             * @deprecated Use fleetwire.v1.SafetyNotice.$Properties instead.
             */

            /**
             * Shape of a SafetyNotice.
             * @typedef {fleetwire.v1.SafetyNotice.$Properties} fleetwire.v1.SafetyNotice.$Shape
             */

            /**
             * Constructs a new SafetyNotice.
             * @memberof fleetwire.v1
             * @classdesc Represents a SafetyNotice.
             * @constructor
             * @param {fleetwire.v1.SafetyNotice.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SafetyNotice = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SafetyNotice document.
             * @member {Uint8Array} document
             * @memberof fleetwire.v1.SafetyNotice
             * @instance
             */
            SafetyNotice.prototype.document = $util.newBuffer([]);

            /**
             * SafetyNotice signature.
             * @member {Uint8Array} signature
             * @memberof fleetwire.v1.SafetyNotice
             * @instance
             */
            SafetyNotice.prototype.signature = $util.newBuffer([]);

            /**
             * SafetyNotice keyId.
             * @member {string} keyId
             * @memberof fleetwire.v1.SafetyNotice
             * @instance
             */
            SafetyNotice.prototype.keyId = "";

            /**
             * Creates a new SafetyNotice instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.SafetyNotice
             * @static
             * @param {fleetwire.v1.SafetyNotice.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.SafetyNotice} SafetyNotice instance
             * @type {{
             *   (properties: fleetwire.v1.SafetyNotice.$Shape): fleetwire.v1.SafetyNotice & fleetwire.v1.SafetyNotice.$Shape;
             *   (properties?: fleetwire.v1.SafetyNotice.$Properties): fleetwire.v1.SafetyNotice;
             * }}
             */
            SafetyNotice.create = function(properties) {
                return new SafetyNotice(properties);
            };

            /**
             * Encodes the specified SafetyNotice message. Does not implicitly {@link fleetwire.v1.SafetyNotice.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.SafetyNotice
             * @static
             * @param {fleetwire.v1.SafetyNotice.$Properties} message SafetyNotice message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SafetyNotice.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.document != null && $Object.hasOwnProperty.call(message, "document") && message.document.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.document);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.signature);
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId") && message.keyId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.keyId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a SafetyNotice message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.SafetyNotice
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.SafetyNotice & fleetwire.v1.SafetyNotice.$Shape} SafetyNotice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SafetyNotice.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.SafetyNotice();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.document = value;
                            else
                                delete message.document;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.keyId = value;
                            else
                                delete message.keyId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for SafetyNotice
             * @function getTypeUrl
             * @memberof fleetwire.v1.SafetyNotice
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SafetyNotice.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.SafetyNotice";
            };

            return SafetyNotice;
        })();

        /**
         * NoticeSeverity enum.
         * @name fleetwire.v1.NoticeSeverity
         * @enum {number}
         * @property {number} NOTICE_SEVERITY_UNSPECIFIED=0 NOTICE_SEVERITY_UNSPECIFIED value
         * @property {number} NOTICE_SEVERITY_INFO=1 NOTICE_SEVERITY_INFO value
         * @property {number} NOTICE_SEVERITY_WARNING=2 NOTICE_SEVERITY_WARNING value
         * @property {number} NOTICE_SEVERITY_CRITICAL=3 NOTICE_SEVERITY_CRITICAL value
         */
        v1.NoticeSeverity = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "NOTICE_SEVERITY_UNSPECIFIED"] = 0;
            values[valuesById[1] = "NOTICE_SEVERITY_INFO"] = 1;
            values[valuesById[2] = "NOTICE_SEVERITY_WARNING"] = 2;
            values[valuesById[3] = "NOTICE_SEVERITY_CRITICAL"] = 3;
            return values;
        })();

        /**
         * RequiredAction enum.
         * @name fleetwire.v1.RequiredAction
         * @enum {number}
         * @property {number} REQUIRED_ACTION_UNSPECIFIED=0 REQUIRED_ACTION_UNSPECIFIED value
         * @property {number} REQUIRED_ACTION_STOP_DRIVING=1 REQUIRED_ACTION_STOP_DRIVING value
         * @property {number} REQUIRED_ACTION_VISIT_CENTRE=2 REQUIRED_ACTION_VISIT_CENTRE value
         * @property {number} REQUIRED_ACTION_INSTALL_UPDATE=3 REQUIRED_ACTION_INSTALL_UPDATE value
         * @property {number} REQUIRED_ACTION_NONE=4 REQUIRED_ACTION_NONE value
         */
        v1.RequiredAction = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "REQUIRED_ACTION_UNSPECIFIED"] = 0;
            values[valuesById[1] = "REQUIRED_ACTION_STOP_DRIVING"] = 1;
            values[valuesById[2] = "REQUIRED_ACTION_VISIT_CENTRE"] = 2;
            values[valuesById[3] = "REQUIRED_ACTION_INSTALL_UPDATE"] = 3;
            values[valuesById[4] = "REQUIRED_ACTION_NONE"] = 4;
            return values;
        })();

        v1.NoticeDocument = (function() {

            /**
             * Properties of a NoticeDocument.
             * @typedef {Object} fleetwire.v1.NoticeDocument.$Properties
             * @property {string|null} [noticeId] NoticeDocument noticeId
             * @property {string|null} [vehicleId] NoticeDocument vehicleId
             * @property {number|null} [issuedAtMs] NoticeDocument issuedAtMs
             * @property {fleetwire.v1.NoticeSeverity|null} [severity] NoticeDocument severity
             * @property {fleetwire.v1.RequiredAction|null} [requiredAction] NoticeDocument requiredAction
             * @property {string|null} [language] NoticeDocument language
             * @property {string|null} [title] NoticeDocument title
             * @property {string|null} [message] NoticeDocument message
             * @property {string|null} [campaignId] NoticeDocument campaignId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NoticeDocument.
             * @memberof fleetwire.v1
             * @interface INoticeDocument
             * @augments fleetwire.v1.NoticeDocument.$Properties
             * @deprecated Use fleetwire.v1.NoticeDocument.$Properties instead.
             */

            /**
             * Shape of a NoticeDocument.
             * @typedef {fleetwire.v1.NoticeDocument.$Properties} fleetwire.v1.NoticeDocument.$Shape
             */

            /**
             * Constructs a new NoticeDocument.
             * @memberof fleetwire.v1
             * @classdesc Represents a NoticeDocument.
             * @constructor
             * @param {fleetwire.v1.NoticeDocument.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NoticeDocument = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NoticeDocument noticeId.
             * @member {string} noticeId
             * @memberof fleetwire.v1.NoticeDocument
             * @instance
             */
            NoticeDocument.prototype.noticeId = "";

            /**
             * NoticeDocument vehicleId.
             * @member {string} vehicleId
             * @memberof fleetwire.v1.NoticeDocument
             * @instance
             */
            NoticeDocument.prototype.vehicleId = "";

            /**
             * NoticeDocument issuedAtMs.
             * @member {number} issuedAtMs
             * @memberof fleetwire.v1.NoticeDocument
             * @instance
             */
            NoticeDocument.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * NoticeDocument severity.
             * @member {fleetwire.v1.NoticeSeverity} severity
             * @memberof fleetwire.v1.NoticeDocument
             * @instance
             */
            NoticeDocument.prototype.severity = 0;

            /**
             * NoticeDocument requiredAction.
             * @member {fleetwire.v1.RequiredAction} requiredAction
             * @memberof fleetwire.v1.NoticeDocument
             * @instance
             */
            NoticeDocument.prototype.requiredAction = 0;

            /**
             * NoticeDocument language.
             * @member {string} language
             * @memberof fleetwire.v1.NoticeDocument
             * @instance
             */
            NoticeDocument.prototype.language = "";

            /**
             * NoticeDocument title.
             * @member {string} title
             * @memberof fleetwire.v1.NoticeDocument
             * @instance
             */
            NoticeDocument.prototype.title = "";

            /**
             * NoticeDocument message.
             * @member {string} message
             * @memberof fleetwire.v1.NoticeDocument
             * @instance
             */
            NoticeDocument.prototype.message = "";

            /**
             * NoticeDocument campaignId.
             * @member {string} campaignId
             * @memberof fleetwire.v1.NoticeDocument
             * @instance
             */
            NoticeDocument.prototype.campaignId = "";

            /**
             * Creates a new NoticeDocument instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.NoticeDocument
             * @static
             * @param {fleetwire.v1.NoticeDocument.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.NoticeDocument} NoticeDocument instance
             * @type {{
             *   (properties: fleetwire.v1.NoticeDocument.$Shape): fleetwire.v1.NoticeDocument & fleetwire.v1.NoticeDocument.$Shape;
             *   (properties?: fleetwire.v1.NoticeDocument.$Properties): fleetwire.v1.NoticeDocument;
             * }}
             */
            NoticeDocument.create = function(properties) {
                return new NoticeDocument(properties);
            };

            /**
             * Encodes the specified NoticeDocument message. Does not implicitly {@link fleetwire.v1.NoticeDocument.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.NoticeDocument
             * @static
             * @param {fleetwire.v1.NoticeDocument.$Properties} message NoticeDocument message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NoticeDocument.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.noticeId != null && $Object.hasOwnProperty.call(message, "noticeId") && message.noticeId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.noticeId);
                if (message.vehicleId != null && $Object.hasOwnProperty.call(message, "vehicleId") && message.vehicleId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.vehicleId);
                if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs") && (typeof message.issuedAtMs === "object" ? message.issuedAtMs.low || message.issuedAtMs.high : message.issuedAtMs !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.issuedAtMs);
                if (message.severity != null && $Object.hasOwnProperty.call(message, "severity") && message.severity !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.severity);
                if (message.requiredAction != null && $Object.hasOwnProperty.call(message, "requiredAction") && message.requiredAction !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.requiredAction);
                if (message.language != null && $Object.hasOwnProperty.call(message, "language") && message.language !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.language);
                if (message.title != null && $Object.hasOwnProperty.call(message, "title") && message.title !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.title);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.message);
                if (message.campaignId != null && $Object.hasOwnProperty.call(message, "campaignId") && message.campaignId !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.campaignId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a NoticeDocument message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.NoticeDocument
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.NoticeDocument & fleetwire.v1.NoticeDocument.$Shape} NoticeDocument
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NoticeDocument.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.NoticeDocument();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.noticeId = value;
                            else
                                delete message.noticeId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vehicleId = value;
                            else
                                delete message.vehicleId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.issuedAtMs = value;
                            else
                                delete message.issuedAtMs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.severity = value;
                            else
                                delete message.severity;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.requiredAction = value;
                            else
                                delete message.requiredAction;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.language = value;
                            else
                                delete message.language;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.title = value;
                            else
                                delete message.title;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.campaignId = value;
                            else
                                delete message.campaignId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for NoticeDocument
             * @function getTypeUrl
             * @memberof fleetwire.v1.NoticeDocument
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            NoticeDocument.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.NoticeDocument";
            };

            return NoticeDocument;
        })();

        /**
         * NoticeState enum.
         * @name fleetwire.v1.NoticeState
         * @enum {number}
         * @property {number} NOTICE_STATE_UNSPECIFIED=0 NOTICE_STATE_UNSPECIFIED value
         * @property {number} NOTICE_STATE_DELIVERED=1 NOTICE_STATE_DELIVERED value
         * @property {number} NOTICE_STATE_DISPLAYED=2 NOTICE_STATE_DISPLAYED value
         * @property {number} NOTICE_STATE_ACKNOWLEDGED=3 NOTICE_STATE_ACKNOWLEDGED value
         * @property {number} NOTICE_STATE_REJECTED=4 NOTICE_STATE_REJECTED value
         */
        v1.NoticeState = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "NOTICE_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "NOTICE_STATE_DELIVERED"] = 1;
            values[valuesById[2] = "NOTICE_STATE_DISPLAYED"] = 2;
            values[valuesById[3] = "NOTICE_STATE_ACKNOWLEDGED"] = 3;
            values[valuesById[4] = "NOTICE_STATE_REJECTED"] = 4;
            return values;
        })();

        v1.NoticeAck = (function() {

            /**
             * Properties of a NoticeAck.
             * @typedef {Object} fleetwire.v1.NoticeAck.$Properties
             * @property {string|null} [noticeId] NoticeAck noticeId
             * @property {fleetwire.v1.NoticeState|null} [state] NoticeAck state
             * @property {number|null} [timeMs] NoticeAck timeMs
             * @property {string|null} [reason] NoticeAck reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NoticeAck.
             * @memberof fleetwire.v1
             * @interface INoticeAck
             * @augments fleetwire.v1.NoticeAck.$Properties
             * @deprecated Use fleetwire.v1.NoticeAck.$Properties instead.
             */

            /**
             * Shape of a NoticeAck.
             * @typedef {fleetwire.v1.NoticeAck.$Properties} fleetwire.v1.NoticeAck.$Shape
             */

            /**
             * Constructs a new NoticeAck.
             * @memberof fleetwire.v1
             * @classdesc Represents a NoticeAck.
             * @constructor
             * @param {fleetwire.v1.NoticeAck.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NoticeAck = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NoticeAck noticeId.
             * @member {string} noticeId
             * @memberof fleetwire.v1.NoticeAck
             * @instance
             */
            NoticeAck.prototype.noticeId = "";

            /**
             * NoticeAck state.
             * @member {fleetwire.v1.NoticeState} state
             * @memberof fleetwire.v1.NoticeAck
             * @instance
             */
            NoticeAck.prototype.state = 0;

            /**
             * NoticeAck timeMs.
             * @member {number} timeMs
             * @memberof fleetwire.v1.NoticeAck
             * @instance
             */
            NoticeAck.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * NoticeAck reason.
             * @member {string} reason
             * @memberof fleetwire.v1.NoticeAck
             * @instance
             */
            NoticeAck.prototype.reason = "";

            /**
             * Creates a new NoticeAck instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.NoticeAck
             * @static
             * @param {fleetwire.v1.NoticeAck.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.NoticeAck} NoticeAck instance
             * @type {{
             *   (properties: fleetwire.v1.NoticeAck.$Shape): fleetwire.v1.NoticeAck & fleetwire.v1.NoticeAck.$Shape;
             *   (properties?: fleetwire.v1.NoticeAck.$Properties): fleetwire.v1.NoticeAck;
             * }}
             */
            NoticeAck.create = function(properties) {
                return new NoticeAck(properties);
            };

            /**
             * Encodes the specified NoticeAck message. Does not implicitly {@link fleetwire.v1.NoticeAck.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.NoticeAck
             * @static
             * @param {fleetwire.v1.NoticeAck.$Properties} message NoticeAck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NoticeAck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.noticeId != null && $Object.hasOwnProperty.call(message, "noticeId") && message.noticeId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.noticeId);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.state);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.timeMs);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a NoticeAck message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.NoticeAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.NoticeAck & fleetwire.v1.NoticeAck.$Shape} NoticeAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NoticeAck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.NoticeAck();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.noticeId = value;
                            else
                                delete message.noticeId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for NoticeAck
             * @function getTypeUrl
             * @memberof fleetwire.v1.NoticeAck
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            NoticeAck.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.NoticeAck";
            };

            return NoticeAck;
        })();

        v1.OtaOffer = (function() {

            /**
             * Properties of an OtaOffer.
             * @typedef {Object} fleetwire.v1.OtaOffer.$Properties
             * @property {Uint8Array|null} [document] OtaOffer document
             * @property {Uint8Array|null} [signature] OtaOffer signature
             * @property {string|null} [keyId] OtaOffer keyId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OtaOffer.
             * @memberof fleetwire.v1
             * @interface IOtaOffer
             * @augments fleetwire.v1.OtaOffer.$Properties
             * @deprecated Use fleetwire.v1.OtaOffer.$Properties instead.
             */

            /**
             * Shape of an OtaOffer.
             * @typedef {fleetwire.v1.OtaOffer.$Properties} fleetwire.v1.OtaOffer.$Shape
             */

            /**
             * Constructs a new OtaOffer.
             * @memberof fleetwire.v1
             * @classdesc Represents an OtaOffer.
             * @constructor
             * @param {fleetwire.v1.OtaOffer.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OtaOffer = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * OtaOffer document.
             * @member {Uint8Array} document
             * @memberof fleetwire.v1.OtaOffer
             * @instance
             */
            OtaOffer.prototype.document = $util.newBuffer([]);

            /**
             * OtaOffer signature.
             * @member {Uint8Array} signature
             * @memberof fleetwire.v1.OtaOffer
             * @instance
             */
            OtaOffer.prototype.signature = $util.newBuffer([]);

            /**
             * OtaOffer keyId.
             * @member {string} keyId
             * @memberof fleetwire.v1.OtaOffer
             * @instance
             */
            OtaOffer.prototype.keyId = "";

            /**
             * Creates a new OtaOffer instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.OtaOffer
             * @static
             * @param {fleetwire.v1.OtaOffer.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.OtaOffer} OtaOffer instance
             * @type {{
             *   (properties: fleetwire.v1.OtaOffer.$Shape): fleetwire.v1.OtaOffer & fleetwire.v1.OtaOffer.$Shape;
             *   (properties?: fleetwire.v1.OtaOffer.$Properties): fleetwire.v1.OtaOffer;
             * }}
             */
            OtaOffer.create = function(properties) {
                return new OtaOffer(properties);
            };

            /**
             * Encodes the specified OtaOffer message. Does not implicitly {@link fleetwire.v1.OtaOffer.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.OtaOffer
             * @static
             * @param {fleetwire.v1.OtaOffer.$Properties} message OtaOffer message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OtaOffer.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.document != null && $Object.hasOwnProperty.call(message, "document") && message.document.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.document);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.signature);
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId") && message.keyId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.keyId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an OtaOffer message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.OtaOffer
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.OtaOffer & fleetwire.v1.OtaOffer.$Shape} OtaOffer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OtaOffer.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.OtaOffer();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.document = value;
                            else
                                delete message.document;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.keyId = value;
                            else
                                delete message.keyId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for OtaOffer
             * @function getTypeUrl
             * @memberof fleetwire.v1.OtaOffer
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            OtaOffer.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.OtaOffer";
            };

            return OtaOffer;
        })();

        v1.OfferTarget = (function() {

            /**
             * Properties of an OfferTarget.
             * @typedef {Object} fleetwire.v1.OfferTarget.$Properties
             * @property {string|null} [ecuId] OfferTarget ecuId
             * @property {string|null} [hardwareId] OfferTarget hardwareId
             * @property {string|null} [version] OfferTarget version
             * @property {string|null} [fromVersion] OfferTarget fromVersion
             * @property {Uint8Array|null} [sha256] OfferTarget sha256
             * @property {number|null} [length] OfferTarget length
             * @property {string|null} [url] OfferTarget url
             * @property {number|null} [installDurationS] OfferTarget installDurationS
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OfferTarget.
             * @memberof fleetwire.v1
             * @interface IOfferTarget
             * @augments fleetwire.v1.OfferTarget.$Properties
             * @deprecated Use fleetwire.v1.OfferTarget.$Properties instead.
             */

            /**
             * Shape of an OfferTarget.
             * @typedef {fleetwire.v1.OfferTarget.$Properties} fleetwire.v1.OfferTarget.$Shape
             */

            /**
             * Constructs a new OfferTarget.
             * @memberof fleetwire.v1
             * @classdesc Represents an OfferTarget.
             * @constructor
             * @param {fleetwire.v1.OfferTarget.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OfferTarget = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * OfferTarget ecuId.
             * @member {string} ecuId
             * @memberof fleetwire.v1.OfferTarget
             * @instance
             */
            OfferTarget.prototype.ecuId = "";

            /**
             * OfferTarget hardwareId.
             * @member {string} hardwareId
             * @memberof fleetwire.v1.OfferTarget
             * @instance
             */
            OfferTarget.prototype.hardwareId = "";

            /**
             * OfferTarget version.
             * @member {string} version
             * @memberof fleetwire.v1.OfferTarget
             * @instance
             */
            OfferTarget.prototype.version = "";

            /**
             * OfferTarget fromVersion.
             * @member {string} fromVersion
             * @memberof fleetwire.v1.OfferTarget
             * @instance
             */
            OfferTarget.prototype.fromVersion = "";

            /**
             * OfferTarget sha256.
             * @member {Uint8Array} sha256
             * @memberof fleetwire.v1.OfferTarget
             * @instance
             */
            OfferTarget.prototype.sha256 = $util.newBuffer([]);

            /**
             * OfferTarget length.
             * @member {number} length
             * @memberof fleetwire.v1.OfferTarget
             * @instance
             */
            OfferTarget.prototype.length = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * OfferTarget url.
             * @member {string} url
             * @memberof fleetwire.v1.OfferTarget
             * @instance
             */
            OfferTarget.prototype.url = "";

            /**
             * OfferTarget installDurationS.
             * @member {number} installDurationS
             * @memberof fleetwire.v1.OfferTarget
             * @instance
             */
            OfferTarget.prototype.installDurationS = 0;

            /**
             * Creates a new OfferTarget instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.OfferTarget
             * @static
             * @param {fleetwire.v1.OfferTarget.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.OfferTarget} OfferTarget instance
             * @type {{
             *   (properties: fleetwire.v1.OfferTarget.$Shape): fleetwire.v1.OfferTarget & fleetwire.v1.OfferTarget.$Shape;
             *   (properties?: fleetwire.v1.OfferTarget.$Properties): fleetwire.v1.OfferTarget;
             * }}
             */
            OfferTarget.create = function(properties) {
                return new OfferTarget(properties);
            };

            /**
             * Encodes the specified OfferTarget message. Does not implicitly {@link fleetwire.v1.OfferTarget.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.OfferTarget
             * @static
             * @param {fleetwire.v1.OfferTarget.$Properties} message OfferTarget message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OfferTarget.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ecuId != null && $Object.hasOwnProperty.call(message, "ecuId") && message.ecuId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.ecuId);
                if (message.hardwareId != null && $Object.hasOwnProperty.call(message, "hardwareId") && message.hardwareId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.hardwareId);
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.version);
                if (message.fromVersion != null && $Object.hasOwnProperty.call(message, "fromVersion") && message.fromVersion !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.fromVersion);
                if (message.sha256 != null && $Object.hasOwnProperty.call(message, "sha256") && message.sha256.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.sha256);
                if (message.length != null && $Object.hasOwnProperty.call(message, "length") && (typeof message.length === "object" ? message.length.low || message.length.high : message.length !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.length);
                if (message.url != null && $Object.hasOwnProperty.call(message, "url") && message.url !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.url);
                if (message.installDurationS != null && $Object.hasOwnProperty.call(message, "installDurationS") && message.installDurationS !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.installDurationS);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an OfferTarget message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.OfferTarget
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.OfferTarget & fleetwire.v1.OfferTarget.$Shape} OfferTarget
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OfferTarget.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.OfferTarget();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ecuId = value;
                            else
                                delete message.ecuId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hardwareId = value;
                            else
                                delete message.hardwareId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fromVersion = value;
                            else
                                delete message.fromVersion;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.sha256 = value;
                            else
                                delete message.sha256;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.length = value;
                            else
                                delete message.length;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.url = value;
                            else
                                delete message.url;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.installDurationS = value;
                            else
                                delete message.installDurationS;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for OfferTarget
             * @function getTypeUrl
             * @memberof fleetwire.v1.OfferTarget
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            OfferTarget.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.OfferTarget";
            };

            return OfferTarget;
        })();

        v1.Preconditions = (function() {

            /**
             * Properties of a Preconditions.
             * @typedef {Object} fleetwire.v1.Preconditions.$Properties
             * @property {boolean|null} [parked] Preconditions parked
             * @property {number|null} [minSocPct] Preconditions minSocPct
             * @property {boolean|null} [chargingOk] Preconditions chargingOk
             * @property {number|null} [minAuxBatteryV] Preconditions minAuxBatteryV
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Preconditions.
             * @memberof fleetwire.v1
             * @interface IPreconditions
             * @augments fleetwire.v1.Preconditions.$Properties
             * @deprecated Use fleetwire.v1.Preconditions.$Properties instead.
             */

            /**
             * Shape of a Preconditions.
             * @typedef {fleetwire.v1.Preconditions.$Properties} fleetwire.v1.Preconditions.$Shape
             */

            /**
             * Constructs a new Preconditions.
             * @memberof fleetwire.v1
             * @classdesc Represents a Preconditions.
             * @constructor
             * @param {fleetwire.v1.Preconditions.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Preconditions = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Preconditions parked.
             * @member {boolean} parked
             * @memberof fleetwire.v1.Preconditions
             * @instance
             */
            Preconditions.prototype.parked = false;

            /**
             * Preconditions minSocPct.
             * @member {number} minSocPct
             * @memberof fleetwire.v1.Preconditions
             * @instance
             */
            Preconditions.prototype.minSocPct = 0;

            /**
             * Preconditions chargingOk.
             * @member {boolean} chargingOk
             * @memberof fleetwire.v1.Preconditions
             * @instance
             */
            Preconditions.prototype.chargingOk = false;

            /**
             * Preconditions minAuxBatteryV.
             * @member {number} minAuxBatteryV
             * @memberof fleetwire.v1.Preconditions
             * @instance
             */
            Preconditions.prototype.minAuxBatteryV = 0;

            /**
             * Creates a new Preconditions instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.Preconditions
             * @static
             * @param {fleetwire.v1.Preconditions.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.Preconditions} Preconditions instance
             * @type {{
             *   (properties: fleetwire.v1.Preconditions.$Shape): fleetwire.v1.Preconditions & fleetwire.v1.Preconditions.$Shape;
             *   (properties?: fleetwire.v1.Preconditions.$Properties): fleetwire.v1.Preconditions;
             * }}
             */
            Preconditions.create = function(properties) {
                return new Preconditions(properties);
            };

            /**
             * Encodes the specified Preconditions message. Does not implicitly {@link fleetwire.v1.Preconditions.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.Preconditions
             * @static
             * @param {fleetwire.v1.Preconditions.$Properties} message Preconditions message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Preconditions.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.parked != null && $Object.hasOwnProperty.call(message, "parked") && message.parked !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.parked);
                if (message.minSocPct != null && $Object.hasOwnProperty.call(message, "minSocPct") && message.minSocPct !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.minSocPct);
                if (message.chargingOk != null && $Object.hasOwnProperty.call(message, "chargingOk") && message.chargingOk !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.chargingOk);
                if (message.minAuxBatteryV != null && $Object.hasOwnProperty.call(message, "minAuxBatteryV") && !$Object.is(message.minAuxBatteryV, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.minAuxBatteryV);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Preconditions message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.Preconditions
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.Preconditions & fleetwire.v1.Preconditions.$Shape} Preconditions
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Preconditions.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.Preconditions();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.parked = value;
                            else
                                delete message.parked;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.minSocPct = value;
                            else
                                delete message.minSocPct;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.chargingOk = value;
                            else
                                delete message.chargingOk;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.minAuxBatteryV = value;
                            else
                                delete message.minAuxBatteryV;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Preconditions
             * @function getTypeUrl
             * @memberof fleetwire.v1.Preconditions
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Preconditions.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.Preconditions";
            };

            return Preconditions;
        })();

        v1.InstallWindow = (function() {

            /**
             * Properties of an InstallWindow.
             * @typedef {Object} fleetwire.v1.InstallWindow.$Properties
             * @property {number|null} [startMinute] InstallWindow startMinute
             * @property {number|null} [endMinute] InstallWindow endMinute
             * @property {string|null} [timeZone] InstallWindow timeZone
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InstallWindow.
             * @memberof fleetwire.v1
             * @interface IInstallWindow
             * @augments fleetwire.v1.InstallWindow.$Properties
             * @deprecated Use fleetwire.v1.InstallWindow.$Properties instead.
             */

            /**
             * Shape of an InstallWindow.
             * @typedef {fleetwire.v1.InstallWindow.$Properties} fleetwire.v1.InstallWindow.$Shape
             */

            /**
             * Constructs a new InstallWindow.
             * @memberof fleetwire.v1
             * @classdesc Represents an InstallWindow.
             * @constructor
             * @param {fleetwire.v1.InstallWindow.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InstallWindow = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * InstallWindow startMinute.
             * @member {number} startMinute
             * @memberof fleetwire.v1.InstallWindow
             * @instance
             */
            InstallWindow.prototype.startMinute = 0;

            /**
             * InstallWindow endMinute.
             * @member {number} endMinute
             * @memberof fleetwire.v1.InstallWindow
             * @instance
             */
            InstallWindow.prototype.endMinute = 0;

            /**
             * InstallWindow timeZone.
             * @member {string} timeZone
             * @memberof fleetwire.v1.InstallWindow
             * @instance
             */
            InstallWindow.prototype.timeZone = "";

            /**
             * Creates a new InstallWindow instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.InstallWindow
             * @static
             * @param {fleetwire.v1.InstallWindow.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.InstallWindow} InstallWindow instance
             * @type {{
             *   (properties: fleetwire.v1.InstallWindow.$Shape): fleetwire.v1.InstallWindow & fleetwire.v1.InstallWindow.$Shape;
             *   (properties?: fleetwire.v1.InstallWindow.$Properties): fleetwire.v1.InstallWindow;
             * }}
             */
            InstallWindow.create = function(properties) {
                return new InstallWindow(properties);
            };

            /**
             * Encodes the specified InstallWindow message. Does not implicitly {@link fleetwire.v1.InstallWindow.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.InstallWindow
             * @static
             * @param {fleetwire.v1.InstallWindow.$Properties} message InstallWindow message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstallWindow.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.startMinute != null && $Object.hasOwnProperty.call(message, "startMinute") && message.startMinute !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.startMinute);
                if (message.endMinute != null && $Object.hasOwnProperty.call(message, "endMinute") && message.endMinute !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.endMinute);
                if (message.timeZone != null && $Object.hasOwnProperty.call(message, "timeZone") && message.timeZone !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.timeZone);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an InstallWindow message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.InstallWindow
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.InstallWindow & fleetwire.v1.InstallWindow.$Shape} InstallWindow
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstallWindow.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.InstallWindow();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.startMinute = value;
                            else
                                delete message.startMinute;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.endMinute = value;
                            else
                                delete message.endMinute;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.timeZone = value;
                            else
                                delete message.timeZone;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for InstallWindow
             * @function getTypeUrl
             * @memberof fleetwire.v1.InstallWindow
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            InstallWindow.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.InstallWindow";
            };

            return InstallWindow;
        })();

        v1.OfferDocument = (function() {

            /**
             * Properties of an OfferDocument.
             * @typedef {Object} fleetwire.v1.OfferDocument.$Properties
             * @property {string|null} [offerId] OfferDocument offerId
             * @property {string|null} [campaignId] OfferDocument campaignId
             * @property {string|null} [vehicleId] OfferDocument vehicleId
             * @property {number|null} [issuedAtMs] OfferDocument issuedAtMs
             * @property {number|null} [expiresAtMs] OfferDocument expiresAtMs
             * @property {Array.<fleetwire.v1.OfferTarget.$Properties>|null} [targets] OfferDocument targets
             * @property {fleetwire.v1.Preconditions.$Properties|null} [preconditions] OfferDocument preconditions
             * @property {boolean|null} [recall] OfferDocument recall
             * @property {number|null} [recallDeadlineMs] OfferDocument recallDeadlineMs
             * @property {boolean|null} [postponeAllowed] OfferDocument postponeAllowed
             * @property {fleetwire.v1.InstallWindow.$Properties|null} [installWindow] OfferDocument installWindow
             * @property {number|null} [soakS] OfferDocument soakS
             * @property {string|null} [language] OfferDocument language
             * @property {string|null} [releaseNotes] OfferDocument releaseNotes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OfferDocument.
             * @memberof fleetwire.v1
             * @interface IOfferDocument
             * @augments fleetwire.v1.OfferDocument.$Properties
             * @deprecated Use fleetwire.v1.OfferDocument.$Properties instead.
             */

            /**
             * Shape of an OfferDocument.
             * @typedef {fleetwire.v1.OfferDocument.$Properties} fleetwire.v1.OfferDocument.$Shape
             */

            /**
             * Constructs a new OfferDocument.
             * @memberof fleetwire.v1
             * @classdesc Represents an OfferDocument.
             * @constructor
             * @param {fleetwire.v1.OfferDocument.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OfferDocument = function (properties) {
                this.targets = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * OfferDocument offerId.
             * @member {string} offerId
             * @memberof fleetwire.v1.OfferDocument
             * @instance
             */
            OfferDocument.prototype.offerId = "";

            /**
             * OfferDocument campaignId.
             * @member {string} campaignId
             * @memberof fleetwire.v1.OfferDocument
             * @instance
             */
            OfferDocument.prototype.campaignId = "";

            /**
             * OfferDocument vehicleId.
             * @member {string} vehicleId
             * @memberof fleetwire.v1.OfferDocument
             * @instance
             */
            OfferDocument.prototype.vehicleId = "";

            /**
             * OfferDocument issuedAtMs.
             * @member {number} issuedAtMs
             * @memberof fleetwire.v1.OfferDocument
             * @instance
             */
            OfferDocument.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * OfferDocument expiresAtMs.
             * @member {number} expiresAtMs
             * @memberof fleetwire.v1.OfferDocument
             * @instance
             */
            OfferDocument.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * OfferDocument targets.
             * @member {Array.<fleetwire.v1.OfferTarget.$Properties>} targets
             * @memberof fleetwire.v1.OfferDocument
             * @instance
             */
            OfferDocument.prototype.targets = $util.emptyArray;

            /**
             * OfferDocument preconditions.
             * @member {fleetwire.v1.Preconditions.$Properties|null|undefined} preconditions
             * @memberof fleetwire.v1.OfferDocument
             * @instance
             */
            OfferDocument.prototype.preconditions = null;

            /**
             * OfferDocument recall.
             * @member {boolean} recall
             * @memberof fleetwire.v1.OfferDocument
             * @instance
             */
            OfferDocument.prototype.recall = false;

            /**
             * OfferDocument recallDeadlineMs.
             * @member {number} recallDeadlineMs
             * @memberof fleetwire.v1.OfferDocument
             * @instance
             */
            OfferDocument.prototype.recallDeadlineMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * OfferDocument postponeAllowed.
             * @member {boolean} postponeAllowed
             * @memberof fleetwire.v1.OfferDocument
             * @instance
             */
            OfferDocument.prototype.postponeAllowed = false;

            /**
             * OfferDocument installWindow.
             * @member {fleetwire.v1.InstallWindow.$Properties|null|undefined} installWindow
             * @memberof fleetwire.v1.OfferDocument
             * @instance
             */
            OfferDocument.prototype.installWindow = null;

            /**
             * OfferDocument soakS.
             * @member {number} soakS
             * @memberof fleetwire.v1.OfferDocument
             * @instance
             */
            OfferDocument.prototype.soakS = 0;

            /**
             * OfferDocument language.
             * @member {string} language
             * @memberof fleetwire.v1.OfferDocument
             * @instance
             */
            OfferDocument.prototype.language = "";

            /**
             * OfferDocument releaseNotes.
             * @member {string} releaseNotes
             * @memberof fleetwire.v1.OfferDocument
             * @instance
             */
            OfferDocument.prototype.releaseNotes = "";

            /**
             * Creates a new OfferDocument instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.OfferDocument
             * @static
             * @param {fleetwire.v1.OfferDocument.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.OfferDocument} OfferDocument instance
             * @type {{
             *   (properties: fleetwire.v1.OfferDocument.$Shape): fleetwire.v1.OfferDocument & fleetwire.v1.OfferDocument.$Shape;
             *   (properties?: fleetwire.v1.OfferDocument.$Properties): fleetwire.v1.OfferDocument;
             * }}
             */
            OfferDocument.create = function(properties) {
                return new OfferDocument(properties);
            };

            /**
             * Encodes the specified OfferDocument message. Does not implicitly {@link fleetwire.v1.OfferDocument.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.OfferDocument
             * @static
             * @param {fleetwire.v1.OfferDocument.$Properties} message OfferDocument message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OfferDocument.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.offerId != null && $Object.hasOwnProperty.call(message, "offerId") && message.offerId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.offerId);
                if (message.campaignId != null && $Object.hasOwnProperty.call(message, "campaignId") && message.campaignId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.campaignId);
                if (message.vehicleId != null && $Object.hasOwnProperty.call(message, "vehicleId") && message.vehicleId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.vehicleId);
                if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs") && (typeof message.issuedAtMs === "object" ? message.issuedAtMs.low || message.issuedAtMs.high : message.issuedAtMs !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.issuedAtMs);
                if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs") && (typeof message.expiresAtMs === "object" ? message.expiresAtMs.low || message.expiresAtMs.high : message.expiresAtMs !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.expiresAtMs);
                if (message.targets != null && message.targets.length)
                    for (let i = 0; i < message.targets.length; ++i)
                        $root.fleetwire.v1.OfferTarget.encode(message.targets[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.preconditions != null && $Object.hasOwnProperty.call(message, "preconditions"))
                    $root.fleetwire.v1.Preconditions.encode(message.preconditions, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.recall != null && $Object.hasOwnProperty.call(message, "recall") && message.recall !== false)
                    writer.uint32(/* id 8, wireType 0 =*/64).bool(message.recall);
                if (message.recallDeadlineMs != null && $Object.hasOwnProperty.call(message, "recallDeadlineMs") && (typeof message.recallDeadlineMs === "object" ? message.recallDeadlineMs.low || message.recallDeadlineMs.high : message.recallDeadlineMs !== 0))
                    writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.recallDeadlineMs);
                if (message.postponeAllowed != null && $Object.hasOwnProperty.call(message, "postponeAllowed") && message.postponeAllowed !== false)
                    writer.uint32(/* id 10, wireType 0 =*/80).bool(message.postponeAllowed);
                if (message.installWindow != null && $Object.hasOwnProperty.call(message, "installWindow"))
                    $root.fleetwire.v1.InstallWindow.encode(message.installWindow, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.soakS != null && $Object.hasOwnProperty.call(message, "soakS") && message.soakS !== 0)
                    writer.uint32(/* id 12, wireType 0 =*/96).uint32(message.soakS);
                if (message.language != null && $Object.hasOwnProperty.call(message, "language") && message.language !== "")
                    writer.uint32(/* id 13, wireType 2 =*/106).string(message.language);
                if (message.releaseNotes != null && $Object.hasOwnProperty.call(message, "releaseNotes") && message.releaseNotes !== "")
                    writer.uint32(/* id 14, wireType 2 =*/114).string(message.releaseNotes);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an OfferDocument message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.OfferDocument
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.OfferDocument & fleetwire.v1.OfferDocument.$Shape} OfferDocument
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OfferDocument.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.OfferDocument();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.offerId = value;
                            else
                                delete message.offerId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.campaignId = value;
                            else
                                delete message.campaignId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vehicleId = value;
                            else
                                delete message.vehicleId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.issuedAtMs = value;
                            else
                                delete message.issuedAtMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.expiresAtMs = value;
                            else
                                delete message.expiresAtMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.targets && message.targets.length))
                                message.targets = [];
                            message.targets.push($root.fleetwire.v1.OfferTarget.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.preconditions = $root.fleetwire.v1.Preconditions.decode(reader, reader.size(), $undefined, _depth + 1, message.preconditions);
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.recall = value;
                            else
                                delete message.recall;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.recallDeadlineMs = value;
                            else
                                delete message.recallDeadlineMs;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.postponeAllowed = value;
                            else
                                delete message.postponeAllowed;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.installWindow = $root.fleetwire.v1.InstallWindow.decode(reader, reader.size(), $undefined, _depth + 1, message.installWindow);
                            continue;
                        }
                    case 12: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.soakS = value;
                            else
                                delete message.soakS;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.language = value;
                            else
                                delete message.language;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.releaseNotes = value;
                            else
                                delete message.releaseNotes;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for OfferDocument
             * @function getTypeUrl
             * @memberof fleetwire.v1.OfferDocument
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            OfferDocument.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.OfferDocument";
            };

            return OfferDocument;
        })();

        /**
         * OtaState enum.
         * @name fleetwire.v1.OtaState
         * @enum {number}
         * @property {number} OTA_STATE_UNSPECIFIED=0 OTA_STATE_UNSPECIFIED value
         * @property {number} OTA_STATE_REJECTED=1 OTA_STATE_REJECTED value
         * @property {number} OTA_STATE_AWAITING_CONSENT=2 OTA_STATE_AWAITING_CONSENT value
         * @property {number} OTA_STATE_POSTPONED=3 OTA_STATE_POSTPONED value
         * @property {number} OTA_STATE_DECLINED=4 OTA_STATE_DECLINED value
         * @property {number} OTA_STATE_DOWNLOADING=5 OTA_STATE_DOWNLOADING value
         * @property {number} OTA_STATE_DOWNLOADED=6 OTA_STATE_DOWNLOADED value
         * @property {number} OTA_STATE_INSTALLING=7 OTA_STATE_INSTALLING value
         * @property {number} OTA_STATE_VERIFYING=8 OTA_STATE_VERIFYING value
         * @property {number} OTA_STATE_SUCCEEDED=9 OTA_STATE_SUCCEEDED value
         * @property {number} OTA_STATE_FAILED=10 OTA_STATE_FAILED value
         * @property {number} OTA_STATE_ROLLED_BACK=11 OTA_STATE_ROLLED_BACK value
         * @property {number} OTA_STATE_REVOKED=12 OTA_STATE_REVOKED value
         */
        v1.OtaState = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "OTA_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "OTA_STATE_REJECTED"] = 1;
            values[valuesById[2] = "OTA_STATE_AWAITING_CONSENT"] = 2;
            values[valuesById[3] = "OTA_STATE_POSTPONED"] = 3;
            values[valuesById[4] = "OTA_STATE_DECLINED"] = 4;
            values[valuesById[5] = "OTA_STATE_DOWNLOADING"] = 5;
            values[valuesById[6] = "OTA_STATE_DOWNLOADED"] = 6;
            values[valuesById[7] = "OTA_STATE_INSTALLING"] = 7;
            values[valuesById[8] = "OTA_STATE_VERIFYING"] = 8;
            values[valuesById[9] = "OTA_STATE_SUCCEEDED"] = 9;
            values[valuesById[10] = "OTA_STATE_FAILED"] = 10;
            values[valuesById[11] = "OTA_STATE_ROLLED_BACK"] = 11;
            values[valuesById[12] = "OTA_STATE_REVOKED"] = 12;
            return values;
        })();

        v1.PreconditionReport = (function() {

            /**
             * Properties of a PreconditionReport.
             * @typedef {Object} fleetwire.v1.PreconditionReport.$Properties
             * @property {boolean|null} [parked] PreconditionReport parked
             * @property {number|null} [socPct] PreconditionReport socPct
             * @property {boolean|null} [charging] PreconditionReport charging
             * @property {number|null} [auxBatteryV] PreconditionReport auxBatteryV
             * @property {boolean|null} [met] PreconditionReport met
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PreconditionReport.
             * @memberof fleetwire.v1
             * @interface IPreconditionReport
             * @augments fleetwire.v1.PreconditionReport.$Properties
             * @deprecated Use fleetwire.v1.PreconditionReport.$Properties instead.
             */

            /**
             * Shape of a PreconditionReport.
             * @typedef {fleetwire.v1.PreconditionReport.$Properties} fleetwire.v1.PreconditionReport.$Shape
             */

            /**
             * Constructs a new PreconditionReport.
             * @memberof fleetwire.v1
             * @classdesc Represents a PreconditionReport.
             * @constructor
             * @param {fleetwire.v1.PreconditionReport.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PreconditionReport = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PreconditionReport parked.
             * @member {boolean} parked
             * @memberof fleetwire.v1.PreconditionReport
             * @instance
             */
            PreconditionReport.prototype.parked = false;

            /**
             * PreconditionReport socPct.
             * @member {number} socPct
             * @memberof fleetwire.v1.PreconditionReport
             * @instance
             */
            PreconditionReport.prototype.socPct = 0;

            /**
             * PreconditionReport charging.
             * @member {boolean} charging
             * @memberof fleetwire.v1.PreconditionReport
             * @instance
             */
            PreconditionReport.prototype.charging = false;

            /**
             * PreconditionReport auxBatteryV.
             * @member {number} auxBatteryV
             * @memberof fleetwire.v1.PreconditionReport
             * @instance
             */
            PreconditionReport.prototype.auxBatteryV = 0;

            /**
             * PreconditionReport met.
             * @member {boolean} met
             * @memberof fleetwire.v1.PreconditionReport
             * @instance
             */
            PreconditionReport.prototype.met = false;

            /**
             * Creates a new PreconditionReport instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.PreconditionReport
             * @static
             * @param {fleetwire.v1.PreconditionReport.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.PreconditionReport} PreconditionReport instance
             * @type {{
             *   (properties: fleetwire.v1.PreconditionReport.$Shape): fleetwire.v1.PreconditionReport & fleetwire.v1.PreconditionReport.$Shape;
             *   (properties?: fleetwire.v1.PreconditionReport.$Properties): fleetwire.v1.PreconditionReport;
             * }}
             */
            PreconditionReport.create = function(properties) {
                return new PreconditionReport(properties);
            };

            /**
             * Encodes the specified PreconditionReport message. Does not implicitly {@link fleetwire.v1.PreconditionReport.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.PreconditionReport
             * @static
             * @param {fleetwire.v1.PreconditionReport.$Properties} message PreconditionReport message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PreconditionReport.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.parked != null && $Object.hasOwnProperty.call(message, "parked") && message.parked !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.parked);
                if (message.socPct != null && $Object.hasOwnProperty.call(message, "socPct") && !$Object.is(message.socPct, 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.socPct);
                if (message.charging != null && $Object.hasOwnProperty.call(message, "charging") && message.charging !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.charging);
                if (message.auxBatteryV != null && $Object.hasOwnProperty.call(message, "auxBatteryV") && !$Object.is(message.auxBatteryV, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.auxBatteryV);
                if (message.met != null && $Object.hasOwnProperty.call(message, "met") && message.met !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.met);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a PreconditionReport message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.PreconditionReport
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.PreconditionReport & fleetwire.v1.PreconditionReport.$Shape} PreconditionReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PreconditionReport.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.PreconditionReport();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.parked = value;
                            else
                                delete message.parked;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.socPct = value;
                            else
                                delete message.socPct;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.charging = value;
                            else
                                delete message.charging;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.auxBatteryV = value;
                            else
                                delete message.auxBatteryV;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.met = value;
                            else
                                delete message.met;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for PreconditionReport
             * @function getTypeUrl
             * @memberof fleetwire.v1.PreconditionReport
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PreconditionReport.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.PreconditionReport";
            };

            return PreconditionReport;
        })();

        v1.OtaStatus = (function() {

            /**
             * Properties of an OtaStatus.
             * @typedef {Object} fleetwire.v1.OtaStatus.$Properties
             * @property {string|null} [offerId] OtaStatus offerId
             * @property {string|null} [campaignId] OtaStatus campaignId
             * @property {fleetwire.v1.OtaState|null} [state] OtaStatus state
             * @property {string|null} [reason] OtaStatus reason
             * @property {number|null} [timeMs] OtaStatus timeMs
             * @property {number|null} [progressPct] OtaStatus progressPct
             * @property {fleetwire.v1.PreconditionReport.$Properties|null} [preconditions] OtaStatus preconditions
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OtaStatus.
             * @memberof fleetwire.v1
             * @interface IOtaStatus
             * @augments fleetwire.v1.OtaStatus.$Properties
             * @deprecated Use fleetwire.v1.OtaStatus.$Properties instead.
             */

            /**
             * Shape of an OtaStatus.
             * @typedef {fleetwire.v1.OtaStatus.$Properties} fleetwire.v1.OtaStatus.$Shape
             */

            /**
             * Constructs a new OtaStatus.
             * @memberof fleetwire.v1
             * @classdesc Represents an OtaStatus.
             * @constructor
             * @param {fleetwire.v1.OtaStatus.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OtaStatus = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * OtaStatus offerId.
             * @member {string} offerId
             * @memberof fleetwire.v1.OtaStatus
             * @instance
             */
            OtaStatus.prototype.offerId = "";

            /**
             * OtaStatus campaignId.
             * @member {string} campaignId
             * @memberof fleetwire.v1.OtaStatus
             * @instance
             */
            OtaStatus.prototype.campaignId = "";

            /**
             * OtaStatus state.
             * @member {fleetwire.v1.OtaState} state
             * @memberof fleetwire.v1.OtaStatus
             * @instance
             */
            OtaStatus.prototype.state = 0;

            /**
             * OtaStatus reason.
             * @member {string} reason
             * @memberof fleetwire.v1.OtaStatus
             * @instance
             */
            OtaStatus.prototype.reason = "";

            /**
             * OtaStatus timeMs.
             * @member {number} timeMs
             * @memberof fleetwire.v1.OtaStatus
             * @instance
             */
            OtaStatus.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * OtaStatus progressPct.
             * @member {number} progressPct
             * @memberof fleetwire.v1.OtaStatus
             * @instance
             */
            OtaStatus.prototype.progressPct = 0;

            /**
             * OtaStatus preconditions.
             * @member {fleetwire.v1.PreconditionReport.$Properties|null|undefined} preconditions
             * @memberof fleetwire.v1.OtaStatus
             * @instance
             */
            OtaStatus.prototype.preconditions = null;

            /**
             * Creates a new OtaStatus instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.OtaStatus
             * @static
             * @param {fleetwire.v1.OtaStatus.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.OtaStatus} OtaStatus instance
             * @type {{
             *   (properties: fleetwire.v1.OtaStatus.$Shape): fleetwire.v1.OtaStatus & fleetwire.v1.OtaStatus.$Shape;
             *   (properties?: fleetwire.v1.OtaStatus.$Properties): fleetwire.v1.OtaStatus;
             * }}
             */
            OtaStatus.create = function(properties) {
                return new OtaStatus(properties);
            };

            /**
             * Encodes the specified OtaStatus message. Does not implicitly {@link fleetwire.v1.OtaStatus.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.OtaStatus
             * @static
             * @param {fleetwire.v1.OtaStatus.$Properties} message OtaStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OtaStatus.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.offerId != null && $Object.hasOwnProperty.call(message, "offerId") && message.offerId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.offerId);
                if (message.campaignId != null && $Object.hasOwnProperty.call(message, "campaignId") && message.campaignId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.campaignId);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.state);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.reason);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.timeMs);
                if (message.progressPct != null && $Object.hasOwnProperty.call(message, "progressPct") && message.progressPct !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.progressPct);
                if (message.preconditions != null && $Object.hasOwnProperty.call(message, "preconditions"))
                    $root.fleetwire.v1.PreconditionReport.encode(message.preconditions, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an OtaStatus message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.OtaStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.OtaStatus & fleetwire.v1.OtaStatus.$Shape} OtaStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OtaStatus.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.OtaStatus();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.offerId = value;
                            else
                                delete message.offerId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.campaignId = value;
                            else
                                delete message.campaignId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.progressPct = value;
                            else
                                delete message.progressPct;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.preconditions = $root.fleetwire.v1.PreconditionReport.decode(reader, reader.size(), $undefined, _depth + 1, message.preconditions);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for OtaStatus
             * @function getTypeUrl
             * @memberof fleetwire.v1.OtaStatus
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            OtaStatus.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.OtaStatus";
            };

            return OtaStatus;
        })();

        v1.OtaReminder = (function() {

            /**
             * Properties of an OtaReminder.
             * @typedef {Object} fleetwire.v1.OtaReminder.$Properties
             * @property {string|null} [campaignId] OtaReminder campaignId
             * @property {string|null} [offerId] OtaReminder offerId
             * @property {number|null} [number] OtaReminder number
             * @property {boolean|null} [urgent] OtaReminder urgent
             * @property {string|null} [language] OtaReminder language
             * @property {string|null} [text] OtaReminder text
             * @property {number|null} [deadlineMs] OtaReminder deadlineMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OtaReminder.
             * @memberof fleetwire.v1
             * @interface IOtaReminder
             * @augments fleetwire.v1.OtaReminder.$Properties
             * @deprecated Use fleetwire.v1.OtaReminder.$Properties instead.
             */

            /**
             * Shape of an OtaReminder.
             * @typedef {fleetwire.v1.OtaReminder.$Properties} fleetwire.v1.OtaReminder.$Shape
             */

            /**
             * Constructs a new OtaReminder.
             * @memberof fleetwire.v1
             * @classdesc Represents an OtaReminder.
             * @constructor
             * @param {fleetwire.v1.OtaReminder.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OtaReminder = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * OtaReminder campaignId.
             * @member {string} campaignId
             * @memberof fleetwire.v1.OtaReminder
             * @instance
             */
            OtaReminder.prototype.campaignId = "";

            /**
             * OtaReminder offerId.
             * @member {string} offerId
             * @memberof fleetwire.v1.OtaReminder
             * @instance
             */
            OtaReminder.prototype.offerId = "";

            /**
             * OtaReminder number.
             * @member {number} number
             * @memberof fleetwire.v1.OtaReminder
             * @instance
             */
            OtaReminder.prototype.number = 0;

            /**
             * OtaReminder urgent.
             * @member {boolean} urgent
             * @memberof fleetwire.v1.OtaReminder
             * @instance
             */
            OtaReminder.prototype.urgent = false;

            /**
             * OtaReminder language.
             * @member {string} language
             * @memberof fleetwire.v1.OtaReminder
             * @instance
             */
            OtaReminder.prototype.language = "";

            /**
             * OtaReminder text.
             * @member {string} text
             * @memberof fleetwire.v1.OtaReminder
             * @instance
             */
            OtaReminder.prototype.text = "";

            /**
             * OtaReminder deadlineMs.
             * @member {number} deadlineMs
             * @memberof fleetwire.v1.OtaReminder
             * @instance
             */
            OtaReminder.prototype.deadlineMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new OtaReminder instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.OtaReminder
             * @static
             * @param {fleetwire.v1.OtaReminder.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.OtaReminder} OtaReminder instance
             * @type {{
             *   (properties: fleetwire.v1.OtaReminder.$Shape): fleetwire.v1.OtaReminder & fleetwire.v1.OtaReminder.$Shape;
             *   (properties?: fleetwire.v1.OtaReminder.$Properties): fleetwire.v1.OtaReminder;
             * }}
             */
            OtaReminder.create = function(properties) {
                return new OtaReminder(properties);
            };

            /**
             * Encodes the specified OtaReminder message. Does not implicitly {@link fleetwire.v1.OtaReminder.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.OtaReminder
             * @static
             * @param {fleetwire.v1.OtaReminder.$Properties} message OtaReminder message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OtaReminder.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.campaignId != null && $Object.hasOwnProperty.call(message, "campaignId") && message.campaignId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.campaignId);
                if (message.offerId != null && $Object.hasOwnProperty.call(message, "offerId") && message.offerId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.offerId);
                if (message.number != null && $Object.hasOwnProperty.call(message, "number") && message.number !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.number);
                if (message.urgent != null && $Object.hasOwnProperty.call(message, "urgent") && message.urgent !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.urgent);
                if (message.language != null && $Object.hasOwnProperty.call(message, "language") && message.language !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.language);
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.text);
                if (message.deadlineMs != null && $Object.hasOwnProperty.call(message, "deadlineMs") && (typeof message.deadlineMs === "object" ? message.deadlineMs.low || message.deadlineMs.high : message.deadlineMs !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.deadlineMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an OtaReminder message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.OtaReminder
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.OtaReminder & fleetwire.v1.OtaReminder.$Shape} OtaReminder
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OtaReminder.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.OtaReminder();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.campaignId = value;
                            else
                                delete message.campaignId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.offerId = value;
                            else
                                delete message.offerId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.number = value;
                            else
                                delete message.number;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.urgent = value;
                            else
                                delete message.urgent;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.language = value;
                            else
                                delete message.language;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.deadlineMs = value;
                            else
                                delete message.deadlineMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for OtaReminder
             * @function getTypeUrl
             * @memberof fleetwire.v1.OtaReminder
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            OtaReminder.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.OtaReminder";
            };

            return OtaReminder;
        })();

        v1.OtaRevocation = (function() {

            /**
             * Properties of an OtaRevocation.
             * @typedef {Object} fleetwire.v1.OtaRevocation.$Properties
             * @property {Uint8Array|null} [document] OtaRevocation document
             * @property {Uint8Array|null} [signature] OtaRevocation signature
             * @property {string|null} [keyId] OtaRevocation keyId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OtaRevocation.
             * @memberof fleetwire.v1
             * @interface IOtaRevocation
             * @augments fleetwire.v1.OtaRevocation.$Properties
             * @deprecated Use fleetwire.v1.OtaRevocation.$Properties instead.
             */

            /**
             * Shape of an OtaRevocation.
             * @typedef {fleetwire.v1.OtaRevocation.$Properties} fleetwire.v1.OtaRevocation.$Shape
             */

            /**
             * Constructs a new OtaRevocation.
             * @memberof fleetwire.v1
             * @classdesc Represents an OtaRevocation.
             * @constructor
             * @param {fleetwire.v1.OtaRevocation.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OtaRevocation = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * OtaRevocation document.
             * @member {Uint8Array} document
             * @memberof fleetwire.v1.OtaRevocation
             * @instance
             */
            OtaRevocation.prototype.document = $util.newBuffer([]);

            /**
             * OtaRevocation signature.
             * @member {Uint8Array} signature
             * @memberof fleetwire.v1.OtaRevocation
             * @instance
             */
            OtaRevocation.prototype.signature = $util.newBuffer([]);

            /**
             * OtaRevocation keyId.
             * @member {string} keyId
             * @memberof fleetwire.v1.OtaRevocation
             * @instance
             */
            OtaRevocation.prototype.keyId = "";

            /**
             * Creates a new OtaRevocation instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.OtaRevocation
             * @static
             * @param {fleetwire.v1.OtaRevocation.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.OtaRevocation} OtaRevocation instance
             * @type {{
             *   (properties: fleetwire.v1.OtaRevocation.$Shape): fleetwire.v1.OtaRevocation & fleetwire.v1.OtaRevocation.$Shape;
             *   (properties?: fleetwire.v1.OtaRevocation.$Properties): fleetwire.v1.OtaRevocation;
             * }}
             */
            OtaRevocation.create = function(properties) {
                return new OtaRevocation(properties);
            };

            /**
             * Encodes the specified OtaRevocation message. Does not implicitly {@link fleetwire.v1.OtaRevocation.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.OtaRevocation
             * @static
             * @param {fleetwire.v1.OtaRevocation.$Properties} message OtaRevocation message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OtaRevocation.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.document != null && $Object.hasOwnProperty.call(message, "document") && message.document.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.document);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.signature);
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId") && message.keyId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.keyId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an OtaRevocation message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.OtaRevocation
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.OtaRevocation & fleetwire.v1.OtaRevocation.$Shape} OtaRevocation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OtaRevocation.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.OtaRevocation();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.document = value;
                            else
                                delete message.document;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.keyId = value;
                            else
                                delete message.keyId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for OtaRevocation
             * @function getTypeUrl
             * @memberof fleetwire.v1.OtaRevocation
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            OtaRevocation.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.OtaRevocation";
            };

            return OtaRevocation;
        })();

        v1.RevocationDocument = (function() {

            /**
             * Properties of a RevocationDocument.
             * @typedef {Object} fleetwire.v1.RevocationDocument.$Properties
             * @property {string|null} [offerId] RevocationDocument offerId
             * @property {string|null} [campaignId] RevocationDocument campaignId
             * @property {string|null} [vehicleId] RevocationDocument vehicleId
             * @property {number|null} [issuedAtMs] RevocationDocument issuedAtMs
             * @property {string|null} [reason] RevocationDocument reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RevocationDocument.
             * @memberof fleetwire.v1
             * @interface IRevocationDocument
             * @augments fleetwire.v1.RevocationDocument.$Properties
             * @deprecated Use fleetwire.v1.RevocationDocument.$Properties instead.
             */

            /**
             * Shape of a RevocationDocument.
             * @typedef {fleetwire.v1.RevocationDocument.$Properties} fleetwire.v1.RevocationDocument.$Shape
             */

            /**
             * Constructs a new RevocationDocument.
             * @memberof fleetwire.v1
             * @classdesc Represents a RevocationDocument.
             * @constructor
             * @param {fleetwire.v1.RevocationDocument.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RevocationDocument = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RevocationDocument offerId.
             * @member {string} offerId
             * @memberof fleetwire.v1.RevocationDocument
             * @instance
             */
            RevocationDocument.prototype.offerId = "";

            /**
             * RevocationDocument campaignId.
             * @member {string} campaignId
             * @memberof fleetwire.v1.RevocationDocument
             * @instance
             */
            RevocationDocument.prototype.campaignId = "";

            /**
             * RevocationDocument vehicleId.
             * @member {string} vehicleId
             * @memberof fleetwire.v1.RevocationDocument
             * @instance
             */
            RevocationDocument.prototype.vehicleId = "";

            /**
             * RevocationDocument issuedAtMs.
             * @member {number} issuedAtMs
             * @memberof fleetwire.v1.RevocationDocument
             * @instance
             */
            RevocationDocument.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RevocationDocument reason.
             * @member {string} reason
             * @memberof fleetwire.v1.RevocationDocument
             * @instance
             */
            RevocationDocument.prototype.reason = "";

            /**
             * Creates a new RevocationDocument instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.RevocationDocument
             * @static
             * @param {fleetwire.v1.RevocationDocument.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.RevocationDocument} RevocationDocument instance
             * @type {{
             *   (properties: fleetwire.v1.RevocationDocument.$Shape): fleetwire.v1.RevocationDocument & fleetwire.v1.RevocationDocument.$Shape;
             *   (properties?: fleetwire.v1.RevocationDocument.$Properties): fleetwire.v1.RevocationDocument;
             * }}
             */
            RevocationDocument.create = function(properties) {
                return new RevocationDocument(properties);
            };

            /**
             * Encodes the specified RevocationDocument message. Does not implicitly {@link fleetwire.v1.RevocationDocument.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.RevocationDocument
             * @static
             * @param {fleetwire.v1.RevocationDocument.$Properties} message RevocationDocument message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RevocationDocument.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.offerId != null && $Object.hasOwnProperty.call(message, "offerId") && message.offerId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.offerId);
                if (message.campaignId != null && $Object.hasOwnProperty.call(message, "campaignId") && message.campaignId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.campaignId);
                if (message.vehicleId != null && $Object.hasOwnProperty.call(message, "vehicleId") && message.vehicleId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.vehicleId);
                if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs") && (typeof message.issuedAtMs === "object" ? message.issuedAtMs.low || message.issuedAtMs.high : message.issuedAtMs !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.issuedAtMs);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RevocationDocument message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.RevocationDocument
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.RevocationDocument & fleetwire.v1.RevocationDocument.$Shape} RevocationDocument
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RevocationDocument.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.RevocationDocument();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.offerId = value;
                            else
                                delete message.offerId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.campaignId = value;
                            else
                                delete message.campaignId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vehicleId = value;
                            else
                                delete message.vehicleId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.issuedAtMs = value;
                            else
                                delete message.issuedAtMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for RevocationDocument
             * @function getTypeUrl
             * @memberof fleetwire.v1.RevocationDocument
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RevocationDocument.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.RevocationDocument";
            };

            return RevocationDocument;
        })();

        /**
         * PowerState enum.
         * @name fleetwire.v1.PowerState
         * @enum {number}
         * @property {number} POWER_STATE_UNSPECIFIED=0 POWER_STATE_UNSPECIFIED value
         * @property {number} POWER_STATE_AWAKE=1 POWER_STATE_AWAKE value
         * @property {number} POWER_STATE_DRIVING=2 POWER_STATE_DRIVING value
         * @property {number} POWER_STATE_ASLEEP=3 POWER_STATE_ASLEEP value
         */
        v1.PowerState = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "POWER_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "POWER_STATE_AWAKE"] = 1;
            values[valuesById[2] = "POWER_STATE_DRIVING"] = 2;
            values[valuesById[3] = "POWER_STATE_ASLEEP"] = 3;
            return values;
        })();

        v1.EcuInfo = (function() {

            /**
             * Properties of an EcuInfo.
             * @typedef {Object} fleetwire.v1.EcuInfo.$Properties
             * @property {string|null} [ecuId] EcuInfo ecuId
             * @property {string|null} [hardwareId] EcuInfo hardwareId
             * @property {string|null} [softwareVersion] EcuInfo softwareVersion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EcuInfo.
             * @memberof fleetwire.v1
             * @interface IEcuInfo
             * @augments fleetwire.v1.EcuInfo.$Properties
             * @deprecated Use fleetwire.v1.EcuInfo.$Properties instead.
             */

            /**
             * Shape of an EcuInfo.
             * @typedef {fleetwire.v1.EcuInfo.$Properties} fleetwire.v1.EcuInfo.$Shape
             */

            /**
             * Constructs a new EcuInfo.
             * @memberof fleetwire.v1
             * @classdesc Represents an EcuInfo.
             * @constructor
             * @param {fleetwire.v1.EcuInfo.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EcuInfo = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EcuInfo ecuId.
             * @member {string} ecuId
             * @memberof fleetwire.v1.EcuInfo
             * @instance
             */
            EcuInfo.prototype.ecuId = "";

            /**
             * EcuInfo hardwareId.
             * @member {string} hardwareId
             * @memberof fleetwire.v1.EcuInfo
             * @instance
             */
            EcuInfo.prototype.hardwareId = "";

            /**
             * EcuInfo softwareVersion.
             * @member {string} softwareVersion
             * @memberof fleetwire.v1.EcuInfo
             * @instance
             */
            EcuInfo.prototype.softwareVersion = "";

            /**
             * Creates a new EcuInfo instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.EcuInfo
             * @static
             * @param {fleetwire.v1.EcuInfo.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.EcuInfo} EcuInfo instance
             * @type {{
             *   (properties: fleetwire.v1.EcuInfo.$Shape): fleetwire.v1.EcuInfo & fleetwire.v1.EcuInfo.$Shape;
             *   (properties?: fleetwire.v1.EcuInfo.$Properties): fleetwire.v1.EcuInfo;
             * }}
             */
            EcuInfo.create = function(properties) {
                return new EcuInfo(properties);
            };

            /**
             * Encodes the specified EcuInfo message. Does not implicitly {@link fleetwire.v1.EcuInfo.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.EcuInfo
             * @static
             * @param {fleetwire.v1.EcuInfo.$Properties} message EcuInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EcuInfo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ecuId != null && $Object.hasOwnProperty.call(message, "ecuId") && message.ecuId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.ecuId);
                if (message.hardwareId != null && $Object.hasOwnProperty.call(message, "hardwareId") && message.hardwareId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.hardwareId);
                if (message.softwareVersion != null && $Object.hasOwnProperty.call(message, "softwareVersion") && message.softwareVersion !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.softwareVersion);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EcuInfo message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.EcuInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.EcuInfo & fleetwire.v1.EcuInfo.$Shape} EcuInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EcuInfo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.EcuInfo();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ecuId = value;
                            else
                                delete message.ecuId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hardwareId = value;
                            else
                                delete message.hardwareId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.softwareVersion = value;
                            else
                                delete message.softwareVersion;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for EcuInfo
             * @function getTypeUrl
             * @memberof fleetwire.v1.EcuInfo
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EcuInfo.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.EcuInfo";
            };

            return EcuInfo;
        })();

        v1.VehicleStatus = (function() {

            /**
             * Properties of a VehicleStatus.
             * @typedef {Object} fleetwire.v1.VehicleStatus.$Properties
             * @property {number|null} [session] VehicleStatus session
             * @property {number|null} [timeMs] VehicleStatus timeMs
             * @property {fleetwire.v1.PowerState|null} [powerState] VehicleStatus powerState
             * @property {boolean|null} [ignitionOn] VehicleStatus ignitionOn
             * @property {Array.<fleetwire.v1.EcuInfo.$Properties>|null} [ecus] VehicleStatus ecus
             * @property {string|null} [catalogVersion] VehicleStatus catalogVersion
             * @property {number|null} [lastSeq] VehicleStatus lastSeq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a VehicleStatus.
             * @memberof fleetwire.v1
             * @interface IVehicleStatus
             * @augments fleetwire.v1.VehicleStatus.$Properties
             * @deprecated Use fleetwire.v1.VehicleStatus.$Properties instead.
             */

            /**
             * Shape of a VehicleStatus.
             * @typedef {fleetwire.v1.VehicleStatus.$Properties} fleetwire.v1.VehicleStatus.$Shape
             */

            /**
             * Constructs a new VehicleStatus.
             * @memberof fleetwire.v1
             * @classdesc Represents a VehicleStatus.
             * @constructor
             * @param {fleetwire.v1.VehicleStatus.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const VehicleStatus = function (properties) {
                this.ecus = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * VehicleStatus session.
             * @member {number} session
             * @memberof fleetwire.v1.VehicleStatus
             * @instance
             */
            VehicleStatus.prototype.session = 0;

            /**
             * VehicleStatus timeMs.
             * @member {number} timeMs
             * @memberof fleetwire.v1.VehicleStatus
             * @instance
             */
            VehicleStatus.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * VehicleStatus powerState.
             * @member {fleetwire.v1.PowerState} powerState
             * @memberof fleetwire.v1.VehicleStatus
             * @instance
             */
            VehicleStatus.prototype.powerState = 0;

            /**
             * VehicleStatus ignitionOn.
             * @member {boolean} ignitionOn
             * @memberof fleetwire.v1.VehicleStatus
             * @instance
             */
            VehicleStatus.prototype.ignitionOn = false;

            /**
             * VehicleStatus ecus.
             * @member {Array.<fleetwire.v1.EcuInfo.$Properties>} ecus
             * @memberof fleetwire.v1.VehicleStatus
             * @instance
             */
            VehicleStatus.prototype.ecus = $util.emptyArray;

            /**
             * VehicleStatus catalogVersion.
             * @member {string} catalogVersion
             * @memberof fleetwire.v1.VehicleStatus
             * @instance
             */
            VehicleStatus.prototype.catalogVersion = "";

            /**
             * VehicleStatus lastSeq.
             * @member {number} lastSeq
             * @memberof fleetwire.v1.VehicleStatus
             * @instance
             */
            VehicleStatus.prototype.lastSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new VehicleStatus instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.VehicleStatus
             * @static
             * @param {fleetwire.v1.VehicleStatus.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.VehicleStatus} VehicleStatus instance
             * @type {{
             *   (properties: fleetwire.v1.VehicleStatus.$Shape): fleetwire.v1.VehicleStatus & fleetwire.v1.VehicleStatus.$Shape;
             *   (properties?: fleetwire.v1.VehicleStatus.$Properties): fleetwire.v1.VehicleStatus;
             * }}
             */
            VehicleStatus.create = function(properties) {
                return new VehicleStatus(properties);
            };

            /**
             * Encodes the specified VehicleStatus message. Does not implicitly {@link fleetwire.v1.VehicleStatus.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.VehicleStatus
             * @static
             * @param {fleetwire.v1.VehicleStatus.$Properties} message VehicleStatus message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            VehicleStatus.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.session != null && $Object.hasOwnProperty.call(message, "session") && message.session !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.session);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.timeMs);
                if (message.powerState != null && $Object.hasOwnProperty.call(message, "powerState") && message.powerState !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.powerState);
                if (message.ignitionOn != null && $Object.hasOwnProperty.call(message, "ignitionOn") && message.ignitionOn !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.ignitionOn);
                if (message.ecus != null && message.ecus.length)
                    for (let i = 0; i < message.ecus.length; ++i)
                        $root.fleetwire.v1.EcuInfo.encode(message.ecus[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.catalogVersion != null && $Object.hasOwnProperty.call(message, "catalogVersion") && message.catalogVersion !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.catalogVersion);
                if (message.lastSeq != null && $Object.hasOwnProperty.call(message, "lastSeq") && (typeof message.lastSeq === "object" ? message.lastSeq.low || message.lastSeq.high : message.lastSeq !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.lastSeq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a VehicleStatus message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.VehicleStatus
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.VehicleStatus & fleetwire.v1.VehicleStatus.$Shape} VehicleStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            VehicleStatus.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.VehicleStatus();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.session = value;
                            else
                                delete message.session;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.powerState = value;
                            else
                                delete message.powerState;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.ignitionOn = value;
                            else
                                delete message.ignitionOn;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.ecus && message.ecus.length))
                                message.ecus = [];
                            message.ecus.push($root.fleetwire.v1.EcuInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.catalogVersion = value;
                            else
                                delete message.catalogVersion;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.lastSeq = value;
                            else
                                delete message.lastSeq;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for VehicleStatus
             * @function getTypeUrl
             * @memberof fleetwire.v1.VehicleStatus
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            VehicleStatus.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.VehicleStatus";
            };

            return VehicleStatus;
        })();

        v1.DeathCertificate = (function() {

            /**
             * Properties of a DeathCertificate.
             * @typedef {Object} fleetwire.v1.DeathCertificate.$Properties
             * @property {number|null} [session] DeathCertificate session
             * @property {fleetwire.v1.DeathCertificate.Reason|null} [reason] DeathCertificate reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeathCertificate.
             * @memberof fleetwire.v1
             * @interface IDeathCertificate
             * @augments fleetwire.v1.DeathCertificate.$Properties
             * @deprecated Use fleetwire.v1.DeathCertificate.$Properties instead.
             */

            /**
             * Shape of a DeathCertificate.
             * @typedef {fleetwire.v1.DeathCertificate.$Properties} fleetwire.v1.DeathCertificate.$Shape
             */

            /**
             * Constructs a new DeathCertificate.
             * @memberof fleetwire.v1
             * @classdesc Represents a DeathCertificate.
             * @constructor
             * @param {fleetwire.v1.DeathCertificate.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeathCertificate = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DeathCertificate session.
             * @member {number} session
             * @memberof fleetwire.v1.DeathCertificate
             * @instance
             */
            DeathCertificate.prototype.session = 0;

            /**
             * DeathCertificate reason.
             * @member {fleetwire.v1.DeathCertificate.Reason} reason
             * @memberof fleetwire.v1.DeathCertificate
             * @instance
             */
            DeathCertificate.prototype.reason = 0;

            /**
             * Creates a new DeathCertificate instance using the specified properties.
             * @function create
             * @memberof fleetwire.v1.DeathCertificate
             * @static
             * @param {fleetwire.v1.DeathCertificate.$Properties=} [properties] Properties to set
             * @returns {fleetwire.v1.DeathCertificate} DeathCertificate instance
             * @type {{
             *   (properties: fleetwire.v1.DeathCertificate.$Shape): fleetwire.v1.DeathCertificate & fleetwire.v1.DeathCertificate.$Shape;
             *   (properties?: fleetwire.v1.DeathCertificate.$Properties): fleetwire.v1.DeathCertificate;
             * }}
             */
            DeathCertificate.create = function(properties) {
                return new DeathCertificate(properties);
            };

            /**
             * Encodes the specified DeathCertificate message. Does not implicitly {@link fleetwire.v1.DeathCertificate.verify|verify} messages.
             * @function encode
             * @memberof fleetwire.v1.DeathCertificate
             * @static
             * @param {fleetwire.v1.DeathCertificate.$Properties} message DeathCertificate message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeathCertificate.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.session != null && $Object.hasOwnProperty.call(message, "session") && message.session !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.session);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DeathCertificate message from the specified reader or buffer.
             * @function decode
             * @memberof fleetwire.v1.DeathCertificate
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {fleetwire.v1.DeathCertificate & fleetwire.v1.DeathCertificate.$Shape} DeathCertificate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeathCertificate.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.fleetwire.v1.DeathCertificate();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.session = value;
                            else
                                delete message.session;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for DeathCertificate
             * @function getTypeUrl
             * @memberof fleetwire.v1.DeathCertificate
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeathCertificate.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/fleetwire.v1.DeathCertificate";
            };

            /**
             * Reason enum.
             * @name fleetwire.v1.DeathCertificate.Reason
             * @enum {number}
             * @property {number} REASON_UNSPECIFIED=0 REASON_UNSPECIFIED value
             * @property {number} REASON_LINK_LOST=1 REASON_LINK_LOST value
             * @property {number} REASON_GOING_TO_SLEEP=2 REASON_GOING_TO_SLEEP value
             * @property {number} REASON_SHUTDOWN=3 REASON_SHUTDOWN value
             */
            DeathCertificate.Reason = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "REASON_UNSPECIFIED"] = 0;
                values[valuesById[1] = "REASON_LINK_LOST"] = 1;
                values[valuesById[2] = "REASON_GOING_TO_SLEEP"] = 2;
                values[valuesById[3] = "REASON_SHUTDOWN"] = 3;
                return values;
            })();

            return DeathCertificate;
        })();

        return v1;
    })();

    return fleetwire;
})();

export {
  $root as default
};
