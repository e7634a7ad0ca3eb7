// The typed arrays a snapshot holds raw, by the name of their type in the file's header.

export type RawArray = Int32Array | Uint32Array | Float64Array | Float32Array | Uint16Array | Uint8Array;

export const ARRAY_TYPES = {
  Int32Array,
  Uint32Array,
  Float64Array,
  Float32Array,
  Uint16Array,
  Uint8Array,
} as const;

export type ArrayType = keyof typeof ARRAY_TYPES;

export function typeOf(array: RawArray): ArrayType {
  for (const [name, type] of Object.entries(ARRAY_TYPES)) if (array instanceof type) return name as ArrayType;
  throw new Error("unsupported typed array");
}

export const bytesOf = (a: RawArray) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
