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
