import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace fleetwire. */
export namespace fleetwire {

    /** Namespace v1. */
    namespace v1 {

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
