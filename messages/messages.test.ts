import { describe, expect, it } from "vitest";
import { MESSAGES } from "./index";

type Tree = { [key: string]: string | Tree };

/** Every message of a catalogue by its dotted key. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/**
 * The arguments of an ICU message (`{count}`, `{count, plural, …}`, `<strong>…</strong>` tags), with the
 * arguments inside plural and select branches; quoted text ('{…}') and branch text are not arguments.
 */
export function argumentsOf(message: string): string[] {
  const args = new Set<string>();
  let i = 0;
  const readUntil = (stops: string) => {
    const from = i;
    while (i < message.length && !stops.includes(message[i])) i++;
    return message.slice(from, i).trim();
  };
  /** Reads text up to the `}` that closes it (or the end), noting arguments and tags. */
  function text(): void {
    while (i < message.length && message[i] !== "}") {
      const c = message[i];
      if (c === "'" && message[i + 1] === "'") i += 2;
      else if (c === "'" && "{}#<".includes(message[i + 1] ?? ""))
        i = message.indexOf("'", i + 1) + 1 || message.length;
      else if (c === "{") argument();
      else if (c === "<" && /^<[A-Za-z][\w-]*>/.test(message.slice(i))) {
        const tag = message.slice(i).match(/^<([A-Za-z][\w-]*)>/)![1];
        args.add(`<${tag}>`);
        i += tag.length + 2;
      } else i++;
    }
  }
  function argument(): void {
    i++; // {
    args.add(readUntil(",}"));
    if (message[i] === ",") {
      i++;
      const type = readUntil(",}");
      if (message[i] === "," && ["plural", "select", "selectordinal"].includes(type)) {
        i++;
        while (i < message.length && message[i] !== "}") {
          readUntil("{}");
          if (message[i] !== "{") break;
          i++;
          text();
          i++; // }
        }
      } else readUntil("}");
    }
    i++; // }
  }
  text();
  return [...args].sort();
}

const en = flatten(MESSAGES.en as unknown as Tree);

describe("the catalogues", () => {
  for (const [locale, messages] of Object.entries(MESSAGES)) {
    const other = flatten(messages as unknown as Tree);
    it(`${locale} holds the same keys as English`, () => {
      expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    });
    it(`${locale} gives each message the same ICU arguments as English`, () => {
      const differ = [...en].filter(([key, message]) => {
        const theirs = other.get(key);
        return theirs !== undefined && argumentsOf(theirs).join() !== argumentsOf(message).join();
      });
      expect(differ.map(([key]) => key)).toEqual([]);
    });
    it(`${locale} has no empty message`, () => {
      expect([...other].filter(([, m]) => !m.trim()).map(([k]) => k)).toEqual([]);
    });
  }

  it("reads the arguments of plural and select messages, and tags", () => {
    expect(argumentsOf("{count, plural, one {# image of {owner}} other {# images}}")).toEqual(["count", "owner"]);
    expect(argumentsOf("Signed in as <strong>{user}</strong>")).toEqual(["<strong>", "user"]);
    expect(argumentsOf("'{literal}' {n}")).toEqual(["n"]);
    expect(argumentsOf("{g, select, male {He} other {They}} left {when, date, short}")).toEqual(["g", "when"]);
  });
});
