/**
 * Recognises what a file is when it is not a protobuf profile, so the refusal can say
 * what it looks like and how to convert it. The shapes follow pprof's own legacy parsers
 * (profile/legacy_profile.go, legacy_java_profile.go): the binary CPU format of gperftools
 * and of Go before 1.9, and the text heap, contention, thread and count formats.
 */
export interface NotProtobuf {
  /** "a legacy binary CPU profile (…)", to be shown after "<file> is". */
  readonly what: string;
  /** How to get a protobuf profile out of it. */
  readonly convert: string;
}

const PROTO_CONVERT = 'convert it with `go tool pprof -proto FILE > out.pb.gz` (add the binary before FILE if the profile needs symbolizing)';

/** A pre-protobuf pprof format, recognised by its header; undefined for anything else. */
export function legacyFormatOf(bytes: Uint8Array): NotProtobuf | undefined {
  const binary = legacyCpuHeader(bytes);
  if (binary) {
    const kind = binary.java ? 'legacy binary Java CPU profile' : 'legacy binary CPU profile (gperftools, or Go before 1.9)';
    return { what: `a ${kind}, ${binary.wordBits}-bit ${binary.littleEndian ? 'little' : 'big'}-endian, sampling every ${binary.periodMicros} µs`, convert: PROTO_CONVERT };
  }
  const text = leadingText(bytes);
  if (text === undefined) return undefined;
  const kind = legacyTextKind(firstLine(text), text);
  return kind ? { what: kind, convert: PROTO_CONVERT } : undefined;
}

/** What a file that failed to decode as protobuf looks like, when it is recognisably something else. */
export function describeOtherFormat(bytes: Uint8Array): NotProtobuf | undefined {
  if (bytes.length === 0) return { what: 'empty', convert: 'write the profile again' };
  const text = leadingText(bytes);
  if (text === undefined) return undefined;
  const first = firstLine(text);
  if (/^\{/.test(first) && /"nodes"\s*:/.test(text) && /"samples"\s*:/.test(text)) {
    return {
      what: 'a V8 CPU profile (.cpuprofile JSON), not pprof',
      convert: 'perfgate converts V8 profiles itself while it measures; open this file in Chrome DevTools or speedscope instead',
    };
  }
  return { what: `a text file (it starts with ${JSON.stringify(first.slice(0, 60))}), not a pprof protobuf`, convert: PROTO_CONVERT };
}

function firstLine(text: string): string {
  return text.replace(/^\s+/, '').split('\n', 1)[0]!.trim();
}

function legacyTextKind(first: string, text: string): string | undefined {
  if (/^heap profile:/.test(first)) return `a legacy text heap profile (${/@\s*([a-z_0-9]+)/.exec(first)?.[1] ?? 'heap'} format of gperftools or Go's debug=1 output)`;
  if (/^heap_v2\//.test(first)) return 'a legacy text heap profile (heap_v2 format)';
  if (/^---\s*heapz\b/.test(first)) return `a legacy text heap profile (heapz${/format\s*=\s*java/.test(text) ? ', Java' : ''})`;
  if (/^---\s*contentionz\b/.test(first) || /^---\s*contention\b/.test(first) || /^---\s*mutex\b/.test(first)) return 'a legacy text contention profile';
  if (/^---\s*threadz\b/.test(first)) return 'a legacy text thread profile (threadz)';
  if (/^\w+ profile: total \d+/.test(first)) return `a legacy text Go ${first.split(' ', 1)[0]} profile (debug=1 output)`;
  if (/^---\s*\w+\s*---$/.test(first) || /^---\s*\w+\s+\d+\s*---$/.test(first)) return `a legacy text profile (${first})`;
  if (/^(binary|cycles\/second|sampling period)\s*=/.test(first)) return 'a legacy text profile';
  return undefined;
}

/**
 * The legacy binary CPU header: five words 0, 3, 0 (1 for Java), period, 0, as 32- or
 * 64-bit integers of either byte order; pprof tries the same four readings in this order.
 */
function legacyCpuHeader(bytes: Uint8Array): { wordBits: 32 | 64; littleEndian: boolean; periodMicros: number; java: boolean } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const readings: Array<{ wordBits: 32 | 64; littleEndian: boolean }> = [
    { wordBits: 32, littleEndian: true },
    { wordBits: 32, littleEndian: false },
    { wordBits: 64, littleEndian: true },
    { wordBits: 64, littleEndian: false },
  ];
  for (const { wordBits, littleEndian } of readings) {
    const size = wordBits / 8;
    if (bytes.length < 5 * size) continue;
    const word = (i: number) => (wordBits === 32 ? BigInt(view.getUint32(i * size, littleEndian)) : view.getBigUint64(i * size, littleEndian));
    const [w0, w1, w2, w3, w4] = [word(0), word(1), word(2), word(3), word(4)];
    if (w0 === 0n && w1 === 3n && (w2 === 0n || w2 === 1n) && w3 > 0n && w4 === 0n) {
      return { wordBits, littleEndian, periodMicros: Number(w3), java: w2 === 1n };
    }
  }
  return undefined;
}

/** The first kilobytes decoded as text, if they look like text (no control bytes but whitespace). */
function leadingText(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 4096);
  for (const byte of head) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f) return undefined;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(head);
}
