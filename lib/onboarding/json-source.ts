/**
 * JSON with positions: parses a JSON document like JSON.parse and also records where every value
 * (and every object key) starts, so a validation error at path ["accounts", 2, "role"] can name
 * line and column. JSON.parse reports only a character offset for syntax errors and nothing for
 * values, which is why config files get this small parser (RFC 8259 grammar, no extensions).
 */

export type JsonPath = ReadonlyArray<string | number>;

export interface SourcePosition {
  line: number;
  column: number;
}

export type ParsedJsonSource =
  | { ok: true; value: unknown; positionOf(path: JsonPath): SourcePosition }
  | { ok: false; position: SourcePosition; message: string };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function positionAt(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text[index] === "\n") {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const pathKey = (path: JsonPath) => JSON.stringify(path);

export function parseJsonSource(text: string): ParsedJsonSource {
  const offsets = new Map<string, number>();
  let index = 0;

  const fail = (message: string, at = index): never => {
    throw new JsonSyntaxError(message, at);
  };
  const skipWhitespace = () => {
    while (index < text.length && " \t\n\r".includes(text[index] as string)) index++;
  };
  const describe = (at: number) => (at >= text.length ? "the end of the file" : `"${text[at]}"`);

  function parseString(): string {
    const start = index;
    index++; // opening quote
    let result = "";
    while (index < text.length) {
      const char = text[index] as string;
      if (char === '"') {
        index++;
        return result;
      }
      if (char === "\\") {
        const escape = text[index + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (escape !== undefined && escape in simple) {
          result += simple[escape];
          index += 2;
        } else if (escape === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
          result += String.fromCharCode(parseInt(text.slice(index + 2, index + 6), 16));
          index += 6;
        } else {
          fail("invalid escape in a string", index);
        }
        continue;
      }
      if (char < " ") fail("strings cannot contain line breaks or control characters; close the quote first", start);
      result += char;
      index++;
    }
    return fail("a string is never closed (missing \")", start);
  }

  function parseValue(path: JsonPath): unknown {
    skipWhitespace();
    offsets.set(pathKey(path), index);
    const char = text[index];
    if (char === "{") return parseObject(path);
    if (char === "[") return parseArray(path);
    if (char === '"') return parseString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(index, index + 400));
    if (!literal) return fail(`expected a value but found ${describe(index)}`);
    index += literal[0].length;
    return JSON.parse(literal[0]) as unknown;
  }

  function parseObject(path: JsonPath): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    index++;
    skipWhitespace();
    if (text[index] === "}") {
      index++;
      return result;
    }
    for (;;) {
      skipWhitespace();
      if (text[index] !== '"') fail(`expected a quoted property name but found ${describe(index)}`);
      const keyOffset = index;
      const key = parseString();
      if (Object.prototype.hasOwnProperty.call(result, key)) fail(`"${key}" appears twice in this object`, keyOffset);
      skipWhitespace();
      if (text[index] !== ":") fail(`expected ":" after "${key}" but found ${describe(index)}`);
      index++;
      const childPath = [...path, key];
      result[key] = parseValue(childPath);
      // Errors about a key (unknown property) point at the key, not its value.
      offsets.set(pathKey([...childPath, "$key"]), keyOffset);
      skipWhitespace();
      if (text[index] === ",") {
        index++;
        skipWhitespace();
        if (text[index] === "}") fail("trailing comma before }");
        continue;
      }
      if (text[index] === "}") {
        index++;
        return result;
      }
      fail(`expected "," or "}" but found ${describe(index)}`);
    }
  }

  function parseArray(path: JsonPath): unknown[] {
    const result: unknown[] = [];
    index++;
    skipWhitespace();
    if (text[index] === "]") {
      index++;
      return result;
    }
    for (;;) {
      result.push(parseValue([...path, result.length]));
      skipWhitespace();
      if (text[index] === ",") {
        index++;
        skipWhitespace();
        if (text[index] === "]") fail("trailing comma before ]");
        continue;
      }
      if (text[index] === "]") {
        index++;
        return result;
      }
      fail(`expected "," or "]" but found ${describe(index)}`);
    }
  }

  try {
    if (text.charCodeAt(0) === 0xfeff) index = 1; // a byte-order mark some editors write
    const value = parseValue([]);
    skipWhitespace();
    if (index < text.length) fail(`unexpected ${describe(index)} after the end of the document`);
    return {
      ok: true,
      value,
      positionOf(path) {
        // The nearest recorded ancestor: a missing property is reported where its object starts.
        for (let length = path.length; length >= 0; length--) {
          const offset = offsets.get(pathKey(path.slice(0, length)));
          if (offset !== undefined) return positionAt(text, offset);
        }
        return { line: 1, column: 1 };
      },
    };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, position: positionAt(text, error.offset), message: error.message };
    throw error;
  }
}
