type TypedArrayOf<T> = { new (buffer: ArrayBuffer, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

/** A typed array's bytes as a BLOB parameter, without copying. */
export function toBlob(array: ArrayBufferView): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** A BLOB read back as a typed array; copied only when SQLite's buffer is not aligned for the element size. */
export function fromBlob<T>(Type: TypedArrayOf<T>, blob: Buffer): T {
  const length = blob.byteLength / Type.BYTES_PER_ELEMENT;
  if (!Number.isInteger(length)) throw new Error(`BLOB of ${blob.byteLength} bytes is not a whole number of elements`);
  if (blob.byteOffset % Type.BYTES_PER_ELEMENT === 0) return new Type(blob.buffer as ArrayBuffer, blob.byteOffset, length);
  const copy = new ArrayBuffer(blob.byteLength);
  new Uint8Array(copy).set(blob);
  return new Type(copy, 0, length);
}
