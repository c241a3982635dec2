import protobuf from 'protobufjs/minimal.js'

// 64-bit fields (sequence numbers, epoch milliseconds) decode as plain JS
// numbers, exact up to 2^53, instead of Long objects: every 64-bit value of
// this contract stays far below that. This must run before the generated
// code is evaluated, which captures its defaults at load time: index.ts
// imports this module first.
protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long
protobuf.configure()
