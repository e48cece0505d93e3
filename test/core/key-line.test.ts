import { describe, expect, it } from 'vitest';
import { foundKeyLine, jsonKeyLines, lastKeyLine } from '../../src/core/key-line.js';

const linesOf = (text: string) => ({ lines: text.split('\n') });

describe('foundKeyLine: where a top-level key is written', () => {
  it('GIVEN YAML with the key nested before the top-level one THEN the top-level line, an indented key being a nested one', () => {
    const yaml = linesOf(
      'title: A blog\nlanguages:\n  en:\n    timeZone: Europe/Berlin\ntimeZone: Mars/Base\n',
    );
    expect(foundKeyLine(yaml, 'timeZone')).toBe(5);
    expect(foundKeyLine(linesOf('languages:\n  en:\n    timeZone: x\n'), 'timeZone')).toBeUndefined();
  });

  it('GIVEN TOML THEN `key =`, quoted or not, and a `[key]` table; after a line, only later ones', () => {
    const toml = linesOf('title = "A blog"\n"timeZone" = "x"\n[cascade]\n');
    expect(foundKeyLine(toml, 'timeZone')).toBe(2);
    expect(foundKeyLine(toml, 'cascade')).toBe(3);
    expect(foundKeyLine(toml, 'timeZone', 2)).toBeUndefined();
    // A key that only starts the same is another one.
    expect(foundKeyLine(linesOf('timeZones = "x"\n'), 'timeZone')).toBeUndefined();
  });

  it("GIVEN JSON with the key nested before the top-level one THEN its reader's top-level lines say which", () => {
    const json =
      '{\n  "languages": {\n    "en": {\n      "timeZone": "Europe/Berlin"\n    }\n  },\n  "timeZone": "Mars/Base"\n}\n';
    expect(jsonKeyLines(json).get('timeZone')).toBe(7);
    expect(foundKeyLine({ lines: json.split('\n'), keyLines: jsonKeyLines(json) }, 'timeZone')).toBe(7);
    // On their lines alone, JSON's keys are all indented alike: the first is found.
    expect(foundKeyLine(linesOf(json), 'timeZone')).toBe(4);
  });

  it('GIVEN a key written twice THEN lastKeyLine is the last, as YAML keeps it', () => {
    const yaml = linesOf('timezone: Mars/Base\ntitle: A blog\ntimezone: Also/Wrong\n');
    expect(foundKeyLine(yaml, 'timezone')).toBe(1);
    expect(lastKeyLine(yaml, 'timezone')).toBe(3);
    expect(lastKeyLine(yaml, 'title')).toBe(2);
    expect(lastKeyLine(yaml, 'date')).toBeUndefined();
  });
});
