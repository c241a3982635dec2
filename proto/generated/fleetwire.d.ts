import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace fleetwire. */
export namespace fleetwire {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a ReadDtcRequest.
         * @deprecated Use fleetwire.v1.ReadDtcRequest.$Properties instead.
         */
        interface IReadDtcRequest extends fleetwire.v1.ReadDtcRequest.$Properties {
        }

        /** Represents a ReadDtcRequest. */
        class ReadDtcRequest {

            /**
             * Constructs a new ReadDtcRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.ReadDtcRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ReadDtcRequest statusMask. */
            statusMask: number;

            /** ReadDtcRequest includeFreezeFrames. */
            includeFreezeFrames: boolean;

            /**
             * Creates a new ReadDtcRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReadDtcRequest instance
             */
            static create(properties: fleetwire.v1.ReadDtcRequest.$Shape): fleetwire.v1.ReadDtcRequest & fleetwire.v1.ReadDtcRequest.$Shape;
            static create(properties?: fleetwire.v1.ReadDtcRequest.$Properties): fleetwire.v1.ReadDtcRequest;

            /**
             * Encodes the specified ReadDtcRequest message. Does not implicitly {@link fleetwire.v1.ReadDtcRequest.verify|verify} messages.
             * @param message ReadDtcRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.ReadDtcRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReadDtcRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.ReadDtcRequest & fleetwire.v1.ReadDtcRequest.$Shape} ReadDtcRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.ReadDtcRequest & fleetwire.v1.ReadDtcRequest.$Shape;

            /**
             * Gets the type url for ReadDtcRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ReadDtcRequest {

            /** Properties of a ReadDtcRequest. */
            interface $Properties {

                /** ReadDtcRequest statusMask */
                statusMask?: (number|null);

                /** ReadDtcRequest includeFreezeFrames */
                includeFreezeFrames?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ReadDtcRequest. */
            type $Shape = fleetwire.v1.ReadDtcRequest.$Properties;
        }

        /**
         * Properties of a ClearDtcRequest.
         * @deprecated Use fleetwire.v1.ClearDtcRequest.$Properties instead.
         */
        interface IClearDtcRequest extends fleetwire.v1.ClearDtcRequest.$Properties {
        }

        /** Represents a ClearDtcRequest. */
        class ClearDtcRequest {

            /**
             * Constructs a new ClearDtcRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.ClearDtcRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClearDtcRequest group. */
            group: number;

            /**
             * Creates a new ClearDtcRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClearDtcRequest instance
             */
            static create(properties: fleetwire.v1.ClearDtcRequest.$Shape): fleetwire.v1.ClearDtcRequest & fleetwire.v1.ClearDtcRequest.$Shape;
            static create(properties?: fleetwire.v1.ClearDtcRequest.$Properties): fleetwire.v1.ClearDtcRequest;

            /**
             * Encodes the specified ClearDtcRequest message. Does not implicitly {@link fleetwire.v1.ClearDtcRequest.verify|verify} messages.
             * @param message ClearDtcRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.ClearDtcRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClearDtcRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.ClearDtcRequest & fleetwire.v1.ClearDtcRequest.$Shape} ClearDtcRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.ClearDtcRequest & fleetwire.v1.ClearDtcRequest.$Shape;

            /**
             * Gets the type url for ClearDtcRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClearDtcRequest {

            /** Properties of a ClearDtcRequest. */
            interface $Properties {

                /** ClearDtcRequest group */
                group?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClearDtcRequest. */
            type $Shape = fleetwire.v1.ClearDtcRequest.$Properties;
        }

        /**
         * Properties of a ReadDataRequest.
         * @deprecated Use fleetwire.v1.ReadDataRequest.$Properties instead.
         */
        interface IReadDataRequest extends fleetwire.v1.ReadDataRequest.$Properties {
        }

        /** Represents a ReadDataRequest. */
        class ReadDataRequest {

            /**
             * Constructs a new ReadDataRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.ReadDataRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ReadDataRequest did. */
            did: number;

            /**
             * Creates a new ReadDataRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReadDataRequest instance
             */
            static create(properties: fleetwire.v1.ReadDataRequest.$Shape): fleetwire.v1.ReadDataRequest & fleetwire.v1.ReadDataRequest.$Shape;
            static create(properties?: fleetwire.v1.ReadDataRequest.$Properties): fleetwire.v1.ReadDataRequest;

            /**
             * Encodes the specified ReadDataRequest message. Does not implicitly {@link fleetwire.v1.ReadDataRequest.verify|verify} messages.
             * @param message ReadDataRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.ReadDataRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReadDataRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.ReadDataRequest & fleetwire.v1.ReadDataRequest.$Shape} ReadDataRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.ReadDataRequest & fleetwire.v1.ReadDataRequest.$Shape;

            /**
             * Gets the type url for ReadDataRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ReadDataRequest {

            /** Properties of a ReadDataRequest. */
            interface $Properties {

                /** ReadDataRequest did */
                did?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ReadDataRequest. */
            type $Shape = fleetwire.v1.ReadDataRequest.$Properties;
        }

        /**
         * Properties of a CommandRequest.
         * @deprecated Use fleetwire.v1.CommandRequest.$Properties instead.
         */
        interface ICommandRequest extends fleetwire.v1.CommandRequest.$Properties {
        }

        /** Represents a CommandRequest. */
        class CommandRequest {

            /**
             * Constructs a new CommandRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.CommandRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CommandRequest correlationId. */
            correlationId: string;

            /** CommandRequest expiresAtMs. */
            expiresAtMs: number;

            /** CommandRequest readDtc. */
            readDtc?: (fleetwire.v1.ReadDtcRequest.$Properties|null);

            /** CommandRequest clearDtc. */
            clearDtc?: (fleetwire.v1.ClearDtcRequest.$Properties|null);

            /** CommandRequest readData. */
            readData?: (fleetwire.v1.ReadDataRequest.$Properties|null);

            /** CommandRequest request. */
            request?: ("readDtc"|"clearDtc"|"readData");

            /**
             * Creates a new CommandRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CommandRequest instance
             */
            static create(properties: fleetwire.v1.CommandRequest.$Shape): fleetwire.v1.CommandRequest & fleetwire.v1.CommandRequest.$Shape;
            static create(properties?: fleetwire.v1.CommandRequest.$Properties): fleetwire.v1.CommandRequest;

            /**
             * Encodes the specified CommandRequest message. Does not implicitly {@link fleetwire.v1.CommandRequest.verify|verify} messages.
             * @param message CommandRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.CommandRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CommandRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.CommandRequest & fleetwire.v1.CommandRequest.$Shape} CommandRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.CommandRequest & fleetwire.v1.CommandRequest.$Shape;

            /**
             * Gets the type url for CommandRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CommandRequest {

            /** Properties of a CommandRequest. */
            interface $Properties {

                /** CommandRequest correlationId */
                correlationId?: (string|null);

                /** CommandRequest expiresAtMs */
                expiresAtMs?: (number|null);

                /** CommandRequest readDtc */
                readDtc?: (fleetwire.v1.ReadDtcRequest.$Properties|null);

                /** CommandRequest clearDtc */
                clearDtc?: (fleetwire.v1.ClearDtcRequest.$Properties|null);

                /** CommandRequest readData */
                readData?: (fleetwire.v1.ReadDataRequest.$Properties|null);

                /** CommandRequest request */
                request?: ("readDtc"|"clearDtc"|"readData");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a CommandRequest. */
            type $Shape = {
              correlationId?: string|null;
              expiresAtMs?: number|null;
              readDtc?: fleetwire.v1.ReadDtcRequest.$Shape|null;
              clearDtc?: fleetwire.v1.ClearDtcRequest.$Shape|null;
              readData?: fleetwire.v1.ReadDataRequest.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ request?: undefined; readDtc?: null; clearDtc?: null; readData?: null }|{ request?: "readDtc"; readDtc: fleetwire.v1.ReadDtcRequest.$Shape; clearDtc?: null; readData?: null }|{ request?: "clearDtc"; readDtc?: null; clearDtc: fleetwire.v1.ClearDtcRequest.$Shape; readData?: null }|{ request?: "readData"; readDtc?: null; clearDtc?: null; readData: fleetwire.v1.ReadDataRequest.$Shape })
            );
        }

        /**
         * Properties of a DtcRecord.
         * @deprecated Use fleetwire.v1.DtcRecord.$Properties instead.
         */
        interface IDtcRecord extends fleetwire.v1.DtcRecord.$Properties {
        }

        /** Represents a DtcRecord. */
        class DtcRecord {

            /**
             * Constructs a new DtcRecord.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.DtcRecord.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DtcRecord code. */
            code: string;

            /** DtcRecord ecuId. */
            ecuId: string;

            /** DtcRecord status. */
            status: number;

            /** DtcRecord freezeFrame. */
            freezeFrame: fleetwire.v1.Sample.$Properties[];

            /** DtcRecord firstSeenMs. */
            firstSeenMs: number;

            /**
             * Creates a new DtcRecord instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DtcRecord instance
             */
            static create(properties: fleetwire.v1.DtcRecord.$Shape): fleetwire.v1.DtcRecord & fleetwire.v1.DtcRecord.$Shape;
            static create(properties?: fleetwire.v1.DtcRecord.$Properties): fleetwire.v1.DtcRecord;

            /**
             * Encodes the specified DtcRecord message. Does not implicitly {@link fleetwire.v1.DtcRecord.verify|verify} messages.
             * @param message DtcRecord message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.DtcRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DtcRecord message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.DtcRecord & fleetwire.v1.DtcRecord.$Shape} DtcRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.DtcRecord & fleetwire.v1.DtcRecord.$Shape;

            /**
             * Gets the type url for DtcRecord
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DtcRecord {

            /** Properties of a DtcRecord. */
            interface $Properties {

                /** DtcRecord code */
                code?: (string|null);

                /** DtcRecord ecuId */
                ecuId?: (string|null);

                /** DtcRecord status */
                status?: (number|null);

                /** DtcRecord freezeFrame */
                freezeFrame?: (fleetwire.v1.Sample.$Properties[]|null);

                /** DtcRecord firstSeenMs */
                firstSeenMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DtcRecord. */
            type $Shape = fleetwire.v1.DtcRecord.$Properties;
        }

        /**
         * Properties of a ReadDtcResponse.
         * @deprecated Use fleetwire.v1.ReadDtcResponse.$Properties instead.
         */
        interface IReadDtcResponse extends fleetwire.v1.ReadDtcResponse.$Properties {
        }

        /** Represents a ReadDtcResponse. */
        class ReadDtcResponse {

            /**
             * Constructs a new ReadDtcResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.ReadDtcResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ReadDtcResponse dtcs. */
            dtcs: fleetwire.v1.DtcRecord.$Properties[];

            /**
             * Creates a new ReadDtcResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReadDtcResponse instance
             */
            static create(properties: fleetwire.v1.ReadDtcResponse.$Shape): fleetwire.v1.ReadDtcResponse & fleetwire.v1.ReadDtcResponse.$Shape;
            static create(properties?: fleetwire.v1.ReadDtcResponse.$Properties): fleetwire.v1.ReadDtcResponse;

            /**
             * Encodes the specified ReadDtcResponse message. Does not implicitly {@link fleetwire.v1.ReadDtcResponse.verify|verify} messages.
             * @param message ReadDtcResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.ReadDtcResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReadDtcResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.ReadDtcResponse & fleetwire.v1.ReadDtcResponse.$Shape} ReadDtcResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.ReadDtcResponse & fleetwire.v1.ReadDtcResponse.$Shape;

            /**
             * Gets the type url for ReadDtcResponse
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ReadDtcResponse {

            /** Properties of a ReadDtcResponse. */
            interface $Properties {

                /** ReadDtcResponse dtcs */
                dtcs?: (fleetwire.v1.DtcRecord.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ReadDtcResponse. */
            type $Shape = fleetwire.v1.ReadDtcResponse.$Properties;
        }

        /**
         * Properties of a ClearDtcResponse.
         * @deprecated Use fleetwire.v1.ClearDtcResponse.$Properties instead.
         */
        interface IClearDtcResponse extends fleetwire.v1.ClearDtcResponse.$Properties {
        }

        /** Represents a ClearDtcResponse. */
        class ClearDtcResponse {

            /**
             * Constructs a new ClearDtcResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.ClearDtcResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClearDtcResponse cleared. */
            cleared: number;

            /**
             * Creates a new ClearDtcResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClearDtcResponse instance
             */
            static create(properties: fleetwire.v1.ClearDtcResponse.$Shape): fleetwire.v1.ClearDtcResponse & fleetwire.v1.ClearDtcResponse.$Shape;
            static create(properties?: fleetwire.v1.ClearDtcResponse.$Properties): fleetwire.v1.ClearDtcResponse;

            /**
             * Encodes the specified ClearDtcResponse message. Does not implicitly {@link fleetwire.v1.ClearDtcResponse.verify|verify} messages.
             * @param message ClearDtcResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.ClearDtcResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClearDtcResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.ClearDtcResponse & fleetwire.v1.ClearDtcResponse.$Shape} ClearDtcResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.ClearDtcResponse & fleetwire.v1.ClearDtcResponse.$Shape;

            /**
             * Gets the type url for ClearDtcResponse
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClearDtcResponse {

            /** Properties of a ClearDtcResponse. */
            interface $Properties {

                /** ClearDtcResponse cleared */
                cleared?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClearDtcResponse. */
            type $Shape = fleetwire.v1.ClearDtcResponse.$Properties;
        }

        /**
         * Properties of a ReadDataResponse.
         * @deprecated Use fleetwire.v1.ReadDataResponse.$Properties instead.
         */
        interface IReadDataResponse extends fleetwire.v1.ReadDataResponse.$Properties {
        }

        /** Represents a ReadDataResponse. */
        class ReadDataResponse {

            /**
             * Constructs a new ReadDataResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.ReadDataResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ReadDataResponse did. */
            did: number;

            /** ReadDataResponse value. */
            value: Uint8Array;

            /** ReadDataResponse text. */
            text: string;

            /**
             * Creates a new ReadDataResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReadDataResponse instance
             */
            static create(properties: fleetwire.v1.ReadDataResponse.$Shape): fleetwire.v1.ReadDataResponse & fleetwire.v1.ReadDataResponse.$Shape;
            static create(properties?: fleetwire.v1.ReadDataResponse.$Properties): fleetwire.v1.ReadDataResponse;

            /**
             * Encodes the specified ReadDataResponse message. Does not implicitly {@link fleetwire.v1.ReadDataResponse.verify|verify} messages.
             * @param message ReadDataResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.ReadDataResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReadDataResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.ReadDataResponse & fleetwire.v1.ReadDataResponse.$Shape} ReadDataResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.ReadDataResponse & fleetwire.v1.ReadDataResponse.$Shape;

            /**
             * Gets the type url for ReadDataResponse
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ReadDataResponse {

            /** Properties of a ReadDataResponse. */
            interface $Properties {

                /** ReadDataResponse did */
                did?: (number|null);

                /** ReadDataResponse value */
                value?: (Uint8Array|null);

                /** ReadDataResponse text */
                text?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ReadDataResponse. */
            type $Shape = fleetwire.v1.ReadDataResponse.$Properties;
        }

        /**
         * Properties of a NegativeResponse.
         * @deprecated Use fleetwire.v1.NegativeResponse.$Properties instead.
         */
        interface INegativeResponse extends fleetwire.v1.NegativeResponse.$Properties {
        }

        /** Represents a NegativeResponse. */
        class NegativeResponse {

            /**
             * Constructs a new NegativeResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.NegativeResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NegativeResponse serviceId. */
            serviceId: number;

            /** NegativeResponse code. */
            code: number;

            /**
             * Creates a new NegativeResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns NegativeResponse instance
             */
            static create(properties: fleetwire.v1.NegativeResponse.$Shape): fleetwire.v1.NegativeResponse & fleetwire.v1.NegativeResponse.$Shape;
            static create(properties?: fleetwire.v1.NegativeResponse.$Properties): fleetwire.v1.NegativeResponse;

            /**
             * Encodes the specified NegativeResponse message. Does not implicitly {@link fleetwire.v1.NegativeResponse.verify|verify} messages.
             * @param message NegativeResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.NegativeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NegativeResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.NegativeResponse & fleetwire.v1.NegativeResponse.$Shape} NegativeResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.NegativeResponse & fleetwire.v1.NegativeResponse.$Shape;

            /**
             * Gets the type url for NegativeResponse
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace NegativeResponse {

            /** Properties of a NegativeResponse. */
            interface $Properties {

                /** NegativeResponse serviceId */
                serviceId?: (number|null);

                /** NegativeResponse code */
                code?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NegativeResponse. */
            type $Shape = fleetwire.v1.NegativeResponse.$Properties;
        }

        /**
         * Properties of a CommandResponse.
         * @deprecated Use fleetwire.v1.CommandResponse.$Properties instead.
         */
        interface ICommandResponse extends fleetwire.v1.CommandResponse.$Properties {
        }

        /** Represents a CommandResponse. */
        class CommandResponse {

            /**
             * Constructs a new CommandResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.CommandResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CommandResponse correlationId. */
            correlationId: string;

            /** CommandResponse timeMs. */
            timeMs: number;

            /** CommandResponse readDtc. */
            readDtc?: (fleetwire.v1.ReadDtcResponse.$Properties|null);

            /** CommandResponse clearDtc. */
            clearDtc?: (fleetwire.v1.ClearDtcResponse.$Properties|null);

            /** CommandResponse readData. */
            readData?: (fleetwire.v1.ReadDataResponse.$Properties|null);

            /** CommandResponse negative. */
            negative?: (fleetwire.v1.NegativeResponse.$Properties|null);

            /** CommandResponse result. */
            result?: ("readDtc"|"clearDtc"|"readData"|"negative");

            /**
             * Creates a new CommandResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CommandResponse instance
             */
            static create(properties: fleetwire.v1.CommandResponse.$Shape): fleetwire.v1.CommandResponse & fleetwire.v1.CommandResponse.$Shape;
            static create(properties?: fleetwire.v1.CommandResponse.$Properties): fleetwire.v1.CommandResponse;

            /**
             * Encodes the specified CommandResponse message. Does not implicitly {@link fleetwire.v1.CommandResponse.verify|verify} messages.
             * @param message CommandResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.CommandResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CommandResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.CommandResponse & fleetwire.v1.CommandResponse.$Shape} CommandResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.CommandResponse & fleetwire.v1.CommandResponse.$Shape;

            /**
             * Gets the type url for CommandResponse
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CommandResponse {

            /** Properties of a CommandResponse. */
            interface $Properties {

                /** CommandResponse correlationId */
                correlationId?: (string|null);

                /** CommandResponse timeMs */
                timeMs?: (number|null);

                /** CommandResponse readDtc */
                readDtc?: (fleetwire.v1.ReadDtcResponse.$Properties|null);

                /** CommandResponse clearDtc */
                clearDtc?: (fleetwire.v1.ClearDtcResponse.$Properties|null);

                /** CommandResponse readData */
                readData?: (fleetwire.v1.ReadDataResponse.$Properties|null);

                /** CommandResponse negative */
                negative?: (fleetwire.v1.NegativeResponse.$Properties|null);

                /** CommandResponse result */
                result?: ("readDtc"|"clearDtc"|"readData"|"negative");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a CommandResponse. */
            type $Shape = {
              correlationId?: string|null;
              timeMs?: number|null;
              readDtc?: fleetwire.v1.ReadDtcResponse.$Shape|null;
              clearDtc?: fleetwire.v1.ClearDtcResponse.$Shape|null;
              readData?: fleetwire.v1.ReadDataResponse.$Shape|null;
              negative?: fleetwire.v1.NegativeResponse.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ result?: undefined; readDtc?: null; clearDtc?: null; readData?: null; negative?: null }|{ result?: "readDtc"; readDtc: fleetwire.v1.ReadDtcResponse.$Shape; clearDtc?: null; readData?: null; negative?: null }|{ result?: "clearDtc"; readDtc?: null; clearDtc: fleetwire.v1.ClearDtcResponse.$Shape; readData?: null; negative?: null }|{ result?: "readData"; readDtc?: null; clearDtc?: null; readData: fleetwire.v1.ReadDataResponse.$Shape; negative?: null }|{ result?: "negative"; readDtc?: null; clearDtc?: null; readData?: null; negative: fleetwire.v1.NegativeResponse.$Shape })
            );
        }

        /**
         * Properties of a Sample.
         * @deprecated Use fleetwire.v1.Sample.$Properties instead.
         */
        interface ISample extends fleetwire.v1.Sample.$Properties {
        }

        /** Represents a Sample. */
        class Sample {

            /**
             * Constructs a new Sample.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.Sample.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Sample signalId. */
            signalId: number;

            /** Sample value. */
            value: number;

            /** Sample offsetMs. */
            offsetMs: number;

            /**
             * Creates a new Sample instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Sample instance
             */
            static create(properties: fleetwire.v1.Sample.$Shape): fleetwire.v1.Sample & fleetwire.v1.Sample.$Shape;
            static create(properties?: fleetwire.v1.Sample.$Properties): fleetwire.v1.Sample;

            /**
             * Encodes the specified Sample message. Does not implicitly {@link fleetwire.v1.Sample.verify|verify} messages.
             * @param message Sample message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.Sample.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Sample message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.Sample & fleetwire.v1.Sample.$Shape} Sample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.Sample & fleetwire.v1.Sample.$Shape;

            /**
             * Gets the type url for Sample
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Sample {

            /** Properties of a Sample. */
            interface $Properties {

                /** Sample signalId */
                signalId?: (number|null);

                /** Sample value */
                value?: (number|null);

                /** Sample offsetMs */
                offsetMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Sample. */
            type $Shape = fleetwire.v1.Sample.$Properties;
        }

        /**
         * Properties of a TelemetryBatch.
         * @deprecated Use fleetwire.v1.TelemetryBatch.$Properties instead.
         */
        interface ITelemetryBatch extends fleetwire.v1.TelemetryBatch.$Properties {
        }

        /** Represents a TelemetryBatch. */
        class TelemetryBatch {

            /**
             * Constructs a new TelemetryBatch.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.TelemetryBatch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TelemetryBatch seq. */
            seq: number;

            /** TelemetryBatch baseTimeMs. */
            baseTimeMs: number;

            /** TelemetryBatch samples. */
            samples: fleetwire.v1.Sample.$Properties[];

            /** TelemetryBatch session. */
            session: number;

            /**
             * Creates a new TelemetryBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TelemetryBatch instance
             */
            static create(properties: fleetwire.v1.TelemetryBatch.$Shape): fleetwire.v1.TelemetryBatch & fleetwire.v1.TelemetryBatch.$Shape;
            static create(properties?: fleetwire.v1.TelemetryBatch.$Properties): fleetwire.v1.TelemetryBatch;

            /**
             * Encodes the specified TelemetryBatch message. Does not implicitly {@link fleetwire.v1.TelemetryBatch.verify|verify} messages.
             * @param message TelemetryBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.TelemetryBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TelemetryBatch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.TelemetryBatch & fleetwire.v1.TelemetryBatch.$Shape} TelemetryBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.TelemetryBatch & fleetwire.v1.TelemetryBatch.$Shape;

            /**
             * Gets the type url for TelemetryBatch
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TelemetryBatch {

            /** Properties of a TelemetryBatch. */
            interface $Properties {

                /** TelemetryBatch seq */
                seq?: (number|null);

                /** TelemetryBatch baseTimeMs */
                baseTimeMs?: (number|null);

                /** TelemetryBatch samples */
                samples?: (fleetwire.v1.Sample.$Properties[]|null);

                /** TelemetryBatch session */
                session?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TelemetryBatch. */
            type $Shape = fleetwire.v1.TelemetryBatch.$Properties;
        }

        /**
         * Properties of a DiagnosticEvent.
         * @deprecated Use fleetwire.v1.DiagnosticEvent.$Properties instead.
         */
        interface IDiagnosticEvent extends fleetwire.v1.DiagnosticEvent.$Properties {
        }

        /** Represents a DiagnosticEvent. */
        class DiagnosticEvent {

            /**
             * Constructs a new DiagnosticEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.DiagnosticEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DiagnosticEvent code. */
            code: string;

            /** DiagnosticEvent ecuId. */
            ecuId: string;

            /** DiagnosticEvent status. */
            status: number;

            /** DiagnosticEvent action. */
            action: fleetwire.v1.DiagnosticEvent.Action;

            /** DiagnosticEvent timeMs. */
            timeMs: number;

            /** DiagnosticEvent freezeFrame. */
            freezeFrame: fleetwire.v1.Sample.$Properties[];

            /**
             * Creates a new DiagnosticEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DiagnosticEvent instance
             */
            static create(properties: fleetwire.v1.DiagnosticEvent.$Shape): fleetwire.v1.DiagnosticEvent & fleetwire.v1.DiagnosticEvent.$Shape;
            static create(properties?: fleetwire.v1.DiagnosticEvent.$Properties): fleetwire.v1.DiagnosticEvent;

            /**
             * Encodes the specified DiagnosticEvent message. Does not implicitly {@link fleetwire.v1.DiagnosticEvent.verify|verify} messages.
             * @param message DiagnosticEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.DiagnosticEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DiagnosticEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.DiagnosticEvent & fleetwire.v1.DiagnosticEvent.$Shape} DiagnosticEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.DiagnosticEvent & fleetwire.v1.DiagnosticEvent.$Shape;

            /**
             * Gets the type url for DiagnosticEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DiagnosticEvent {

            /** Properties of a DiagnosticEvent. */
            interface $Properties {

                /** DiagnosticEvent code */
                code?: (string|null);

                /** DiagnosticEvent ecuId */
                ecuId?: (string|null);

                /** DiagnosticEvent status */
                status?: (number|null);

                /** DiagnosticEvent action */
                action?: (fleetwire.v1.DiagnosticEvent.Action|null);

                /** DiagnosticEvent timeMs */
                timeMs?: (number|null);

                /** DiagnosticEvent freezeFrame */
                freezeFrame?: (fleetwire.v1.Sample.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DiagnosticEvent. */
            type $Shape = fleetwire.v1.DiagnosticEvent.$Properties;

            /** Action enum. */
            enum Action {

                /** ACTION_UNSPECIFIED value */
                ACTION_UNSPECIFIED = 0,

                /** ACTION_SET value */
                ACTION_SET = 1,

                /** ACTION_CLEARED value */
                ACTION_CLEARED = 2
            }
        }

        /**
         * Properties of a SafetyNotice.
         * @deprecated Use fleetwire.v1.SafetyNotice.$Properties instead.
         */
        interface ISafetyNotice extends fleetwire.v1.SafetyNotice.$Properties {
        }

        /** Represents a SafetyNotice. */
        class SafetyNotice {

            /**
             * Constructs a new SafetyNotice.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.SafetyNotice.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SafetyNotice document. */
            document: Uint8Array;

            /** SafetyNotice signature. */
            signature: Uint8Array;

            /** SafetyNotice keyId. */
            keyId: string;

            /**
             * Creates a new SafetyNotice instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SafetyNotice instance
             */
            static create(properties: fleetwire.v1.SafetyNotice.$Shape): fleetwire.v1.SafetyNotice & fleetwire.v1.SafetyNotice.$Shape;
            static create(properties?: fleetwire.v1.SafetyNotice.$Properties): fleetwire.v1.SafetyNotice;

            /**
             * Encodes the specified SafetyNotice message. Does not implicitly {@link fleetwire.v1.SafetyNotice.verify|verify} messages.
             * @param message SafetyNotice message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.SafetyNotice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SafetyNotice message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.SafetyNotice & fleetwire.v1.SafetyNotice.$Shape} SafetyNotice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.SafetyNotice & fleetwire.v1.SafetyNotice.$Shape;

            /**
             * Gets the type url for SafetyNotice
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SafetyNotice {

            /** Properties of a SafetyNotice. */
            interface $Properties {

                /** SafetyNotice document */
                document?: (Uint8Array|null);

                /** SafetyNotice signature */
                signature?: (Uint8Array|null);

                /** SafetyNotice keyId */
                keyId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SafetyNotice. */
            type $Shape = fleetwire.v1.SafetyNotice.$Properties;
        }

        /** NoticeSeverity enum. */
        enum NoticeSeverity {

            /** NOTICE_SEVERITY_UNSPECIFIED value */
            NOTICE_SEVERITY_UNSPECIFIED = 0,

            /** NOTICE_SEVERITY_INFO value */
            NOTICE_SEVERITY_INFO = 1,

            /** NOTICE_SEVERITY_WARNING value */
            NOTICE_SEVERITY_WARNING = 2,

            /** NOTICE_SEVERITY_CRITICAL value */
            NOTICE_SEVERITY_CRITICAL = 3
        }

        /** RequiredAction enum. */
        enum RequiredAction {

            /** REQUIRED_ACTION_UNSPECIFIED value */
            REQUIRED_ACTION_UNSPECIFIED = 0,

            /** REQUIRED_ACTION_STOP_DRIVING value */
            REQUIRED_ACTION_STOP_DRIVING = 1,

            /** REQUIRED_ACTION_VISIT_CENTRE value */
            REQUIRED_ACTION_VISIT_CENTRE = 2,

            /** REQUIRED_ACTION_INSTALL_UPDATE value */
            REQUIRED_ACTION_INSTALL_UPDATE = 3,

            /** REQUIRED_ACTION_NONE value */
            REQUIRED_ACTION_NONE = 4
        }

        /**
         * Properties of a NoticeDocument.
         * @deprecated Use fleetwire.v1.NoticeDocument.$Properties instead.
         */
        interface INoticeDocument extends fleetwire.v1.NoticeDocument.$Properties {
        }

        /** Represents a NoticeDocument. */
        class NoticeDocument {

            /**
             * Constructs a new NoticeDocument.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.NoticeDocument.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NoticeDocument noticeId. */
            noticeId: string;

            /** NoticeDocument vehicleId. */
            vehicleId: string;

            /** NoticeDocument issuedAtMs. */
            issuedAtMs: number;

            /** NoticeDocument severity. */
            severity: fleetwire.v1.NoticeSeverity;

            /** NoticeDocument requiredAction. */
            requiredAction: fleetwire.v1.RequiredAction;

            /** NoticeDocument language. */
            language: string;

            /** NoticeDocument title. */
            title: string;

            /** NoticeDocument message. */
            message: string;

            /** NoticeDocument campaignId. */
            campaignId: string;

            /**
             * Creates a new NoticeDocument instance using the specified properties.
             * @param [properties] Properties to set
             * @returns NoticeDocument instance
             */
            static create(properties: fleetwire.v1.NoticeDocument.$Shape): fleetwire.v1.NoticeDocument & fleetwire.v1.NoticeDocument.$Shape;
            static create(properties?: fleetwire.v1.NoticeDocument.$Properties): fleetwire.v1.NoticeDocument;

            /**
             * Encodes the specified NoticeDocument message. Does not implicitly {@link fleetwire.v1.NoticeDocument.verify|verify} messages.
             * @param message NoticeDocument message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.NoticeDocument.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NoticeDocument message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.NoticeDocument & fleetwire.v1.NoticeDocument.$Shape} NoticeDocument
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.NoticeDocument & fleetwire.v1.NoticeDocument.$Shape;

            /**
             * Gets the type url for NoticeDocument
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace NoticeDocument {

            /** Properties of a NoticeDocument. */
            interface $Properties {

                /** NoticeDocument noticeId */
                noticeId?: (string|null);

                /** NoticeDocument vehicleId */
                vehicleId?: (string|null);

                /** NoticeDocument issuedAtMs */
                issuedAtMs?: (number|null);

                /** NoticeDocument severity */
                severity?: (fleetwire.v1.NoticeSeverity|null);

                /** NoticeDocument requiredAction */
                requiredAction?: (fleetwire.v1.RequiredAction|null);

                /** NoticeDocument language */
                language?: (string|null);

                /** NoticeDocument title */
                title?: (string|null);

                /** NoticeDocument message */
                message?: (string|null);

                /** NoticeDocument campaignId */
                campaignId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NoticeDocument. */
            type $Shape = fleetwire.v1.NoticeDocument.$Properties;
        }

        /** NoticeState enum. */
        enum NoticeState {

            /** NOTICE_STATE_UNSPECIFIED value */
            NOTICE_STATE_UNSPECIFIED = 0,

            /** NOTICE_STATE_DELIVERED value */
            NOTICE_STATE_DELIVERED = 1,

            /** NOTICE_STATE_DISPLAYED value */
            NOTICE_STATE_DISPLAYED = 2,

            /** NOTICE_STATE_ACKNOWLEDGED value */
            NOTICE_STATE_ACKNOWLEDGED = 3,

            /** NOTICE_STATE_REJECTED value */
            NOTICE_STATE_REJECTED = 4
        }

        /**
         * Properties of a NoticeAck.
         * @deprecated Use fleetwire.v1.NoticeAck.$Properties instead.
         */
        interface INoticeAck extends fleetwire.v1.NoticeAck.$Properties {
        }

        /** Represents a NoticeAck. */
        class NoticeAck {

            /**
             * Constructs a new NoticeAck.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.NoticeAck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NoticeAck noticeId. */
            noticeId: string;

            /** NoticeAck state. */
            state: fleetwire.v1.NoticeState;

            /** NoticeAck timeMs. */
            timeMs: number;

            /** NoticeAck reason. */
            reason: string;

            /**
             * Creates a new NoticeAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns NoticeAck instance
             */
            static create(properties: fleetwire.v1.NoticeAck.$Shape): fleetwire.v1.NoticeAck & fleetwire.v1.NoticeAck.$Shape;
            static create(properties?: fleetwire.v1.NoticeAck.$Properties): fleetwire.v1.NoticeAck;

            /**
             * Encodes the specified NoticeAck message. Does not implicitly {@link fleetwire.v1.NoticeAck.verify|verify} messages.
             * @param message NoticeAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.NoticeAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NoticeAck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.NoticeAck & fleetwire.v1.NoticeAck.$Shape} NoticeAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.NoticeAck & fleetwire.v1.NoticeAck.$Shape;

            /**
             * Gets the type url for NoticeAck
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace NoticeAck {

            /** Properties of a NoticeAck. */
            interface $Properties {

                /** NoticeAck noticeId */
                noticeId?: (string|null);

                /** NoticeAck state */
                state?: (fleetwire.v1.NoticeState|null);

                /** NoticeAck timeMs */
                timeMs?: (number|null);

                /** NoticeAck reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NoticeAck. */
            type $Shape = fleetwire.v1.NoticeAck.$Properties;
        }

        /**
         * Properties of an OtaOffer.
         * @deprecated Use fleetwire.v1.OtaOffer.$Properties instead.
         */
        interface IOtaOffer extends fleetwire.v1.OtaOffer.$Properties {
        }

        /** Represents an OtaOffer. */
        class OtaOffer {

            /**
             * Constructs a new OtaOffer.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.OtaOffer.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** OtaOffer document. */
            document: Uint8Array;

            /** OtaOffer signature. */
            signature: Uint8Array;

            /** OtaOffer keyId. */
            keyId: string;

            /**
             * Creates a new OtaOffer instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OtaOffer instance
             */
            static create(properties: fleetwire.v1.OtaOffer.$Shape): fleetwire.v1.OtaOffer & fleetwire.v1.OtaOffer.$Shape;
            static create(properties?: fleetwire.v1.OtaOffer.$Properties): fleetwire.v1.OtaOffer;

            /**
             * Encodes the specified OtaOffer message. Does not implicitly {@link fleetwire.v1.OtaOffer.verify|verify} messages.
             * @param message OtaOffer message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.OtaOffer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OtaOffer message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.OtaOffer & fleetwire.v1.OtaOffer.$Shape} OtaOffer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.OtaOffer & fleetwire.v1.OtaOffer.$Shape;

            /**
             * Gets the type url for OtaOffer
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace OtaOffer {

            /** Properties of an OtaOffer. */
            interface $Properties {

                /** OtaOffer document */
                document?: (Uint8Array|null);

                /** OtaOffer signature */
                signature?: (Uint8Array|null);

                /** OtaOffer keyId */
                keyId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an OtaOffer. */
            type $Shape = fleetwire.v1.OtaOffer.$Properties;
        }

        /**
         * Properties of an OfferTarget.
         * @deprecated Use fleetwire.v1.OfferTarget.$Properties instead.
         */
        interface IOfferTarget extends fleetwire.v1.OfferTarget.$Properties {
        }

        /** Represents an OfferTarget. */
        class OfferTarget {

            /**
             * Constructs a new OfferTarget.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.OfferTarget.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** OfferTarget ecuId. */
            ecuId: string;

            /** OfferTarget hardwareId. */
            hardwareId: string;

            /** OfferTarget version. */
            version: string;

            /** OfferTarget fromVersion. */
            fromVersion: string;

            /** OfferTarget sha256. */
            sha256: Uint8Array;

            /** OfferTarget length. */
            length: number;

            /** OfferTarget url. */
            url: string;

            /** OfferTarget installDurationS. */
            installDurationS: number;

            /**
             * Creates a new OfferTarget instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OfferTarget instance
             */
            static create(properties: fleetwire.v1.OfferTarget.$Shape): fleetwire.v1.OfferTarget & fleetwire.v1.OfferTarget.$Shape;
            static create(properties?: fleetwire.v1.OfferTarget.$Properties): fleetwire.v1.OfferTarget;

            /**
             * Encodes the specified OfferTarget message. Does not implicitly {@link fleetwire.v1.OfferTarget.verify|verify} messages.
             * @param message OfferTarget message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.OfferTarget.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OfferTarget message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.OfferTarget & fleetwire.v1.OfferTarget.$Shape} OfferTarget
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.OfferTarget & fleetwire.v1.OfferTarget.$Shape;

            /**
             * Gets the type url for OfferTarget
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace OfferTarget {

            /** Properties of an OfferTarget. */
            interface $Properties {

                /** OfferTarget ecuId */
                ecuId?: (string|null);

                /** OfferTarget hardwareId */
                hardwareId?: (string|null);

                /** OfferTarget version */
                version?: (string|null);

                /** OfferTarget fromVersion */
                fromVersion?: (string|null);

                /** OfferTarget sha256 */
                sha256?: (Uint8Array|null);

                /** OfferTarget length */
                length?: (number|null);

                /** OfferTarget url */
                url?: (string|null);

                /** OfferTarget installDurationS */
                installDurationS?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an OfferTarget. */
            type $Shape = fleetwire.v1.OfferTarget.$Properties;
        }

        /**
         * Properties of a Preconditions.
         * @deprecated Use fleetwire.v1.Preconditions.$Properties instead.
         */
        interface IPreconditions extends fleetwire.v1.Preconditions.$Properties {
        }

        /** Represents a Preconditions. */
        class Preconditions {

            /**
             * Constructs a new Preconditions.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.Preconditions.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Preconditions parked. */
            parked: boolean;

            /** Preconditions minSocPct. */
            minSocPct: number;

            /** Preconditions chargingOk. */
            chargingOk: boolean;

            /** Preconditions minAuxBatteryV. */
            minAuxBatteryV: number;

            /**
             * Creates a new Preconditions instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Preconditions instance
             */
            static create(properties: fleetwire.v1.Preconditions.$Shape): fleetwire.v1.Preconditions & fleetwire.v1.Preconditions.$Shape;
            static create(properties?: fleetwire.v1.Preconditions.$Properties): fleetwire.v1.Preconditions;

            /**
             * Encodes the specified Preconditions message. Does not implicitly {@link fleetwire.v1.Preconditions.verify|verify} messages.
             * @param message Preconditions message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.Preconditions.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Preconditions message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.Preconditions & fleetwire.v1.Preconditions.$Shape} Preconditions
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.Preconditions & fleetwire.v1.Preconditions.$Shape;

            /**
             * Gets the type url for Preconditions
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Preconditions {

            /** Properties of a Preconditions. */
            interface $Properties {

                /** Preconditions parked */
                parked?: (boolean|null);

                /** Preconditions minSocPct */
                minSocPct?: (number|null);

                /** Preconditions chargingOk */
                chargingOk?: (boolean|null);

                /** Preconditions minAuxBatteryV */
                minAuxBatteryV?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Preconditions. */
            type $Shape = fleetwire.v1.Preconditions.$Properties;
        }

        /**
         * Properties of an InstallWindow.
         * @deprecated Use fleetwire.v1.InstallWindow.$Properties instead.
         */
        interface IInstallWindow extends fleetwire.v1.InstallWindow.$Properties {
        }

        /** Represents an InstallWindow. */
        class InstallWindow {

            /**
             * Constructs a new InstallWindow.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.InstallWindow.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** InstallWindow startMinute. */
            startMinute: number;

            /** InstallWindow endMinute. */
            endMinute: number;

            /** InstallWindow timeZone. */
            timeZone: string;

            /**
             * Creates a new InstallWindow instance using the specified properties.
             * @param [properties] Properties to set
             * @returns InstallWindow instance
             */
            static create(properties: fleetwire.v1.InstallWindow.$Shape): fleetwire.v1.InstallWindow & fleetwire.v1.InstallWindow.$Shape;
            static create(properties?: fleetwire.v1.InstallWindow.$Properties): fleetwire.v1.InstallWindow;

            /**
             * Encodes the specified InstallWindow message. Does not implicitly {@link fleetwire.v1.InstallWindow.verify|verify} messages.
             * @param message InstallWindow message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.InstallWindow.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an InstallWindow message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.InstallWindow & fleetwire.v1.InstallWindow.$Shape} InstallWindow
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.InstallWindow & fleetwire.v1.InstallWindow.$Shape;

            /**
             * Gets the type url for InstallWindow
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace InstallWindow {

            /** Properties of an InstallWindow. */
            interface $Properties {

                /** InstallWindow startMinute */
                startMinute?: (number|null);

                /** InstallWindow endMinute */
                endMinute?: (number|null);

                /** InstallWindow timeZone */
                timeZone?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an InstallWindow. */
            type $Shape = fleetwire.v1.InstallWindow.$Properties;
        }

        /**
         * Properties of an OfferDocument.
         * @deprecated Use fleetwire.v1.OfferDocument.$Properties instead.
         */
        interface IOfferDocument extends fleetwire.v1.OfferDocument.$Properties {
        }

        /** Represents an OfferDocument. */
        class OfferDocument {

            /**
             * Constructs a new OfferDocument.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.OfferDocument.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** OfferDocument offerId. */
            offerId: string;

            /** OfferDocument campaignId. */
            campaignId: string;

            /** OfferDocument vehicleId. */
            vehicleId: string;

            /** OfferDocument issuedAtMs. */
            issuedAtMs: number;

            /** OfferDocument expiresAtMs. */
            expiresAtMs: number;

            /** OfferDocument targets. */
            targets: fleetwire.v1.OfferTarget.$Properties[];

            /** OfferDocument preconditions. */
            preconditions?: (fleetwire.v1.Preconditions.$Properties|null);

            /** OfferDocument recall. */
            recall: boolean;

            /** OfferDocument recallDeadlineMs. */
            recallDeadlineMs: number;

            /** OfferDocument postponeAllowed. */
            postponeAllowed: boolean;

            /** OfferDocument installWindow. */
            installWindow?: (fleetwire.v1.InstallWindow.$Properties|null);

            /** OfferDocument soakS. */
            soakS: number;

            /** OfferDocument language. */
            language: string;

            /** OfferDocument releaseNotes. */
            releaseNotes: string;

            /**
             * Creates a new OfferDocument instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OfferDocument instance
             */
            static create(properties: fleetwire.v1.OfferDocument.$Shape): fleetwire.v1.OfferDocument & fleetwire.v1.OfferDocument.$Shape;
            static create(properties?: fleetwire.v1.OfferDocument.$Properties): fleetwire.v1.OfferDocument;

            /**
             * Encodes the specified OfferDocument message. Does not implicitly {@link fleetwire.v1.OfferDocument.verify|verify} messages.
             * @param message OfferDocument message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.OfferDocument.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OfferDocument message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.OfferDocument & fleetwire.v1.OfferDocument.$Shape} OfferDocument
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.OfferDocument & fleetwire.v1.OfferDocument.$Shape;

            /**
             * Gets the type url for OfferDocument
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace OfferDocument {

            /** Properties of an OfferDocument. */
            interface $Properties {

                /** OfferDocument offerId */
                offerId?: (string|null);

                /** OfferDocument campaignId */
                campaignId?: (string|null);

                /** OfferDocument vehicleId */
                vehicleId?: (string|null);

                /** OfferDocument issuedAtMs */
                issuedAtMs?: (number|null);

                /** OfferDocument expiresAtMs */
                expiresAtMs?: (number|null);

                /** OfferDocument targets */
                targets?: (fleetwire.v1.OfferTarget.$Properties[]|null);

                /** OfferDocument preconditions */
                preconditions?: (fleetwire.v1.Preconditions.$Properties|null);

                /** OfferDocument recall */
                recall?: (boolean|null);

                /** OfferDocument recallDeadlineMs */
                recallDeadlineMs?: (number|null);

                /** OfferDocument postponeAllowed */
                postponeAllowed?: (boolean|null);

                /** OfferDocument installWindow */
                installWindow?: (fleetwire.v1.InstallWindow.$Properties|null);

                /** OfferDocument soakS */
                soakS?: (number|null);

                /** OfferDocument language */
                language?: (string|null);

                /** OfferDocument releaseNotes */
                releaseNotes?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an OfferDocument. */
            type $Shape = fleetwire.v1.OfferDocument.$Properties;
        }

        /** OtaState enum. */
        enum OtaState {

            /** OTA_STATE_UNSPECIFIED value */
            OTA_STATE_UNSPECIFIED = 0,

            /** OTA_STATE_REJECTED value */
            OTA_STATE_REJECTED = 1,

            /** OTA_STATE_AWAITING_CONSENT value */
            OTA_STATE_AWAITING_CONSENT = 2,

            /** OTA_STATE_POSTPONED value */
            OTA_STATE_POSTPONED = 3,

            /** OTA_STATE_DECLINED value */
            OTA_STATE_DECLINED = 4,

            /** OTA_STATE_DOWNLOADING value */
            OTA_STATE_DOWNLOADING = 5,

            /** OTA_STATE_DOWNLOADED value */
            OTA_STATE_DOWNLOADED = 6,

            /** OTA_STATE_INSTALLING value */
            OTA_STATE_INSTALLING = 7,

            /** OTA_STATE_VERIFYING value */
            OTA_STATE_VERIFYING = 8,

            /** OTA_STATE_SUCCEEDED value */
            OTA_STATE_SUCCEEDED = 9,

            /** OTA_STATE_FAILED value */
            OTA_STATE_FAILED = 10,

            /** OTA_STATE_ROLLED_BACK value */
            OTA_STATE_ROLLED_BACK = 11,

            /** OTA_STATE_REVOKED value */
            OTA_STATE_REVOKED = 12
        }

        /**
         * Properties of a PreconditionReport.
         * @deprecated Use fleetwire.v1.PreconditionReport.$Properties instead.
         */
        interface IPreconditionReport extends fleetwire.v1.PreconditionReport.$Properties {
        }

        /** Represents a PreconditionReport. */
        class PreconditionReport {

            /**
             * Constructs a new PreconditionReport.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.PreconditionReport.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PreconditionReport parked. */
            parked: boolean;

            /** PreconditionReport socPct. */
            socPct: number;

            /** PreconditionReport charging. */
            charging: boolean;

            /** PreconditionReport auxBatteryV. */
            auxBatteryV: number;

            /** PreconditionReport met. */
            met: boolean;

            /**
             * Creates a new PreconditionReport instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PreconditionReport instance
             */
            static create(properties: fleetwire.v1.PreconditionReport.$Shape): fleetwire.v1.PreconditionReport & fleetwire.v1.PreconditionReport.$Shape;
            static create(properties?: fleetwire.v1.PreconditionReport.$Properties): fleetwire.v1.PreconditionReport;

            /**
             * Encodes the specified PreconditionReport message. Does not implicitly {@link fleetwire.v1.PreconditionReport.verify|verify} messages.
             * @param message PreconditionReport message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.PreconditionReport.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PreconditionReport message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.PreconditionReport & fleetwire.v1.PreconditionReport.$Shape} PreconditionReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.PreconditionReport & fleetwire.v1.PreconditionReport.$Shape;

            /**
             * Gets the type url for PreconditionReport
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PreconditionReport {

            /** Properties of a PreconditionReport. */
            interface $Properties {

                /** PreconditionReport parked */
                parked?: (boolean|null);

                /** PreconditionReport socPct */
                socPct?: (number|null);

                /** PreconditionReport charging */
                charging?: (boolean|null);

                /** PreconditionReport auxBatteryV */
                auxBatteryV?: (number|null);

                /** PreconditionReport met */
                met?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PreconditionReport. */
            type $Shape = fleetwire.v1.PreconditionReport.$Properties;
        }

        /**
         * Properties of an OtaStatus.
         * @deprecated Use fleetwire.v1.OtaStatus.$Properties instead.
         */
        interface IOtaStatus extends fleetwire.v1.OtaStatus.$Properties {
        }

        /** Represents an OtaStatus. */
        class OtaStatus {

            /**
             * Constructs a new OtaStatus.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.OtaStatus.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** OtaStatus offerId. */
            offerId: string;

            /** OtaStatus campaignId. */
            campaignId: string;

            /** OtaStatus state. */
            state: fleetwire.v1.OtaState;

            /** OtaStatus reason. */
            reason: string;

            /** OtaStatus timeMs. */
            timeMs: number;

            /** OtaStatus progressPct. */
            progressPct: number;

            /** OtaStatus preconditions. */
            preconditions?: (fleetwire.v1.PreconditionReport.$Properties|null);

            /**
             * Creates a new OtaStatus instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OtaStatus instance
             */
            static create(properties: fleetwire.v1.OtaStatus.$Shape): fleetwire.v1.OtaStatus & fleetwire.v1.OtaStatus.$Shape;
            static create(properties?: fleetwire.v1.OtaStatus.$Properties): fleetwire.v1.OtaStatus;

            /**
             * Encodes the specified OtaStatus message. Does not implicitly {@link fleetwire.v1.OtaStatus.verify|verify} messages.
             * @param message OtaStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.OtaStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OtaStatus message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.OtaStatus & fleetwire.v1.OtaStatus.$Shape} OtaStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.OtaStatus & fleetwire.v1.OtaStatus.$Shape;

            /**
             * Gets the type url for OtaStatus
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace OtaStatus {

            /** Properties of an OtaStatus. */
            interface $Properties {

                /** OtaStatus offerId */
                offerId?: (string|null);

                /** OtaStatus campaignId */
                campaignId?: (string|null);

                /** OtaStatus state */
                state?: (fleetwire.v1.OtaState|null);

                /** OtaStatus reason */
                reason?: (string|null);

                /** OtaStatus timeMs */
                timeMs?: (number|null);

                /** OtaStatus progressPct */
                progressPct?: (number|null);

                /** OtaStatus preconditions */
                preconditions?: (fleetwire.v1.PreconditionReport.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an OtaStatus. */
            type $Shape = fleetwire.v1.OtaStatus.$Properties;
        }

        /**
         * Properties of an OtaReminder.
         * @deprecated Use fleetwire.v1.OtaReminder.$Properties instead.
         */
        interface IOtaReminder extends fleetwire.v1.OtaReminder.$Properties {
        }

        /** Represents an OtaReminder. */
        class OtaReminder {

            /**
             * Constructs a new OtaReminder.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.OtaReminder.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** OtaReminder campaignId. */
            campaignId: string;

            /** OtaReminder offerId. */
            offerId: string;

            /** OtaReminder number. */
            number: number;

            /** OtaReminder urgent. */
            urgent: boolean;

            /** OtaReminder language. */
            language: string;

            /** OtaReminder text. */
            text: string;

            /** OtaReminder deadlineMs. */
            deadlineMs: number;

            /**
             * Creates a new OtaReminder instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OtaReminder instance
             */
            static create(properties: fleetwire.v1.OtaReminder.$Shape): fleetwire.v1.OtaReminder & fleetwire.v1.OtaReminder.$Shape;
            static create(properties?: fleetwire.v1.OtaReminder.$Properties): fleetwire.v1.OtaReminder;

            /**
             * Encodes the specified OtaReminder message. Does not implicitly {@link fleetwire.v1.OtaReminder.verify|verify} messages.
             * @param message OtaReminder message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.OtaReminder.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OtaReminder message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.OtaReminder & fleetwire.v1.OtaReminder.$Shape} OtaReminder
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.OtaReminder & fleetwire.v1.OtaReminder.$Shape;

            /**
             * Gets the type url for OtaReminder
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace OtaReminder {

            /** Properties of an OtaReminder. */
            interface $Properties {

                /** OtaReminder campaignId */
                campaignId?: (string|null);

                /** OtaReminder offerId */
                offerId?: (string|null);

                /** OtaReminder number */
                number?: (number|null);

                /** OtaReminder urgent */
                urgent?: (boolean|null);

                /** OtaReminder language */
                language?: (string|null);

                /** OtaReminder text */
                text?: (string|null);

                /** OtaReminder deadlineMs */
                deadlineMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an OtaReminder. */
            type $Shape = fleetwire.v1.OtaReminder.$Properties;
        }

        /**
         * Properties of an OtaRevocation.
         * @deprecated Use fleetwire.v1.OtaRevocation.$Properties instead.
         */
        interface IOtaRevocation extends fleetwire.v1.OtaRevocation.$Properties {
        }

        /** Represents an OtaRevocation. */
        class OtaRevocation {

            /**
             * Constructs a new OtaRevocation.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.OtaRevocation.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** OtaRevocation document. */
            document: Uint8Array;

            /** OtaRevocation signature. */
            signature: Uint8Array;

            /** OtaRevocation keyId. */
            keyId: string;

            /**
             * Creates a new OtaRevocation instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OtaRevocation instance
             */
            static create(properties: fleetwire.v1.OtaRevocation.$Shape): fleetwire.v1.OtaRevocation & fleetwire.v1.OtaRevocation.$Shape;
            static create(properties?: fleetwire.v1.OtaRevocation.$Properties): fleetwire.v1.OtaRevocation;

            /**
             * Encodes the specified OtaRevocation message. Does not implicitly {@link fleetwire.v1.OtaRevocation.verify|verify} messages.
             * @param message OtaRevocation message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.OtaRevocation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OtaRevocation message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.OtaRevocation & fleetwire.v1.OtaRevocation.$Shape} OtaRevocation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.OtaRevocation & fleetwire.v1.OtaRevocation.$Shape;

            /**
             * Gets the type url for OtaRevocation
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace OtaRevocation {

            /** Properties of an OtaRevocation. */
            interface $Properties {

                /** OtaRevocation document */
                document?: (Uint8Array|null);

                /** OtaRevocation signature */
                signature?: (Uint8Array|null);

                /** OtaRevocation keyId */
                keyId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an OtaRevocation. */
            type $Shape = fleetwire.v1.OtaRevocation.$Properties;
        }

        /**
         * Properties of a RevocationDocument.
         * @deprecated Use fleetwire.v1.RevocationDocument.$Properties instead.
         */
        interface IRevocationDocument extends fleetwire.v1.RevocationDocument.$Properties {
        }

        /** Represents a RevocationDocument. */
        class RevocationDocument {

            /**
             * Constructs a new RevocationDocument.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.RevocationDocument.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RevocationDocument offerId. */
            offerId: string;

            /** RevocationDocument campaignId. */
            campaignId: string;

            /** RevocationDocument vehicleId. */
            vehicleId: string;

            /** RevocationDocument issuedAtMs. */
            issuedAtMs: number;

            /** RevocationDocument reason. */
            reason: string;

            /**
             * Creates a new RevocationDocument instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RevocationDocument instance
             */
            static create(properties: fleetwire.v1.RevocationDocument.$Shape): fleetwire.v1.RevocationDocument & fleetwire.v1.RevocationDocument.$Shape;
            static create(properties?: fleetwire.v1.RevocationDocument.$Properties): fleetwire.v1.RevocationDocument;

            /**
             * Encodes the specified RevocationDocument message. Does not implicitly {@link fleetwire.v1.RevocationDocument.verify|verify} messages.
             * @param message RevocationDocument message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.RevocationDocument.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RevocationDocument message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.RevocationDocument & fleetwire.v1.RevocationDocument.$Shape} RevocationDocument
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.RevocationDocument & fleetwire.v1.RevocationDocument.$Shape;

            /**
             * Gets the type url for RevocationDocument
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RevocationDocument {

            /** Properties of a RevocationDocument. */
            interface $Properties {

                /** RevocationDocument offerId */
                offerId?: (string|null);

                /** RevocationDocument campaignId */
                campaignId?: (string|null);

                /** RevocationDocument vehicleId */
                vehicleId?: (string|null);

                /** RevocationDocument issuedAtMs */
                issuedAtMs?: (number|null);

                /** RevocationDocument reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RevocationDocument. */
            type $Shape = fleetwire.v1.RevocationDocument.$Properties;
        }

        /** PowerState enum. */
        enum PowerState {

            /** POWER_STATE_UNSPECIFIED value */
            POWER_STATE_UNSPECIFIED = 0,

            /** POWER_STATE_AWAKE value */
            POWER_STATE_AWAKE = 1,

            /** POWER_STATE_DRIVING value */
            POWER_STATE_DRIVING = 2,

            /** POWER_STATE_ASLEEP value */
            POWER_STATE_ASLEEP = 3
        }

        /**
         * Properties of an EcuInfo.
         * @deprecated Use fleetwire.v1.EcuInfo.$Properties instead.
         */
        interface IEcuInfo extends fleetwire.v1.EcuInfo.$Properties {
        }

        /** Represents an EcuInfo. */
        class EcuInfo {

            /**
             * Constructs a new EcuInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.EcuInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EcuInfo ecuId. */
            ecuId: string;

            /** EcuInfo hardwareId. */
            hardwareId: string;

            /** EcuInfo softwareVersion. */
            softwareVersion: string;

            /**
             * Creates a new EcuInfo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EcuInfo instance
             */
            static create(properties: fleetwire.v1.EcuInfo.$Shape): fleetwire.v1.EcuInfo & fleetwire.v1.EcuInfo.$Shape;
            static create(properties?: fleetwire.v1.EcuInfo.$Properties): fleetwire.v1.EcuInfo;

            /**
             * Encodes the specified EcuInfo message. Does not implicitly {@link fleetwire.v1.EcuInfo.verify|verify} messages.
             * @param message EcuInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.EcuInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EcuInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.EcuInfo & fleetwire.v1.EcuInfo.$Shape} EcuInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.EcuInfo & fleetwire.v1.EcuInfo.$Shape;

            /**
             * Gets the type url for EcuInfo
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace EcuInfo {

            /** Properties of an EcuInfo. */
            interface $Properties {

                /** EcuInfo ecuId */
                ecuId?: (string|null);

                /** EcuInfo hardwareId */
                hardwareId?: (string|null);

                /** EcuInfo softwareVersion */
                softwareVersion?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EcuInfo. */
            type $Shape = fleetwire.v1.EcuInfo.$Properties;
        }

        /**
         * Properties of a VehicleStatus.
         * @deprecated Use fleetwire.v1.VehicleStatus.$Properties instead.
         */
        interface IVehicleStatus extends fleetwire.v1.VehicleStatus.$Properties {
        }

        /** Represents a VehicleStatus. */
        class VehicleStatus {

            /**
             * Constructs a new VehicleStatus.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.VehicleStatus.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** VehicleStatus session. */
            session: number;

            /** VehicleStatus timeMs. */
            timeMs: number;

            /** VehicleStatus powerState. */
            powerState: fleetwire.v1.PowerState;

            /** VehicleStatus ignitionOn. */
            ignitionOn: boolean;

            /** VehicleStatus ecus. */
            ecus: fleetwire.v1.EcuInfo.$Properties[];

            /** VehicleStatus catalogVersion. */
            catalogVersion: string;

            /** VehicleStatus lastSeq. */
            lastSeq: number;

            /**
             * Creates a new VehicleStatus instance using the specified properties.
             * @param [properties] Properties to set
             * @returns VehicleStatus instance
             */
            static create(properties: fleetwire.v1.VehicleStatus.$Shape): fleetwire.v1.VehicleStatus & fleetwire.v1.VehicleStatus.$Shape;
            static create(properties?: fleetwire.v1.VehicleStatus.$Properties): fleetwire.v1.VehicleStatus;

            /**
             * Encodes the specified VehicleStatus message. Does not implicitly {@link fleetwire.v1.VehicleStatus.verify|verify} messages.
             * @param message VehicleStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.VehicleStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a VehicleStatus message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.VehicleStatus & fleetwire.v1.VehicleStatus.$Shape} VehicleStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.VehicleStatus & fleetwire.v1.VehicleStatus.$Shape;

            /**
             * Gets the type url for VehicleStatus
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace VehicleStatus {

            /** Properties of a VehicleStatus. */
            interface $Properties {

                /** VehicleStatus session */
                session?: (number|null);

                /** VehicleStatus timeMs */
                timeMs?: (number|null);

                /** VehicleStatus powerState */
                powerState?: (fleetwire.v1.PowerState|null);

                /** VehicleStatus ignitionOn */
                ignitionOn?: (boolean|null);

                /** VehicleStatus ecus */
                ecus?: (fleetwire.v1.EcuInfo.$Properties[]|null);

                /** VehicleStatus catalogVersion */
                catalogVersion?: (string|null);

                /** VehicleStatus lastSeq */
                lastSeq?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a VehicleStatus. */
            type $Shape = fleetwire.v1.VehicleStatus.$Properties;
        }

        /**
         * Properties of a DeathCertificate.
         * @deprecated Use fleetwire.v1.DeathCertificate.$Properties instead.
         */
        interface IDeathCertificate extends fleetwire.v1.DeathCertificate.$Properties {
        }

        /** Represents a DeathCertificate. */
        class DeathCertificate {

            /**
             * Constructs a new DeathCertificate.
             * @param [properties] Properties to set
             */
            constructor(properties?: fleetwire.v1.DeathCertificate.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DeathCertificate session. */
            session: number;

            /** DeathCertificate reason. */
            reason: fleetwire.v1.DeathCertificate.Reason;

            /**
             * Creates a new DeathCertificate instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeathCertificate instance
             */
            static create(properties: fleetwire.v1.DeathCertificate.$Shape): fleetwire.v1.DeathCertificate & fleetwire.v1.DeathCertificate.$Shape;
            static create(properties?: fleetwire.v1.DeathCertificate.$Properties): fleetwire.v1.DeathCertificate;

            /**
             * Encodes the specified DeathCertificate message. Does not implicitly {@link fleetwire.v1.DeathCertificate.verify|verify} messages.
             * @param message DeathCertificate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: fleetwire.v1.DeathCertificate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeathCertificate message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {fleetwire.v1.DeathCertificate & fleetwire.v1.DeathCertificate.$Shape} DeathCertificate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fleetwire.v1.DeathCertificate & fleetwire.v1.DeathCertificate.$Shape;

            /**
             * Gets the type url for DeathCertificate
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeathCertificate {

            /** Properties of a DeathCertificate. */
            interface $Properties {

                /** DeathCertificate session */
                session?: (number|null);

                /** DeathCertificate reason */
                reason?: (fleetwire.v1.DeathCertificate.Reason|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DeathCertificate. */
            type $Shape = fleetwire.v1.DeathCertificate.$Properties;

            /** Reason enum. */
            enum Reason {

                /** REASON_UNSPECIFIED value */
                REASON_UNSPECIFIED = 0,

                /** REASON_LINK_LOST value */
                REASON_LINK_LOST = 1,

                /** REASON_GOING_TO_SLEEP value */
                REASON_GOING_TO_SLEEP = 2,

                /** REASON_SHUTDOWN value */
                REASON_SHUTDOWN = 3
            }
        }
    }
}
