// Reading a Single Window document (fast-xml-parser): its root, the root's attributes and its
// elements as plain values, every text kept as a string (decimals stay exact), namespace prefixes
// dropped. What is read is judged by the caller; this only says whether it is XML at all.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlValue = string | XmlElement | XmlValue[];
export interface XmlElement {
  [name: string]: XmlValue;
}

export interface ParsedDocument {
  root: string;
  attributes: Record<string, string>;
  body: XmlElement;
}

const ATTRIBUTE = '@_';

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** The document, or why it is not one: `{ problem }` for text that is not well-formed XML with one root. */
export function parseDocument(xml: string): ParsedDocument | { problem: string } {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) return { problem: `not XML: ${validation.err.msg} (line ${validation.err.line})` };
  const parsed = parser.parse(xml) as XmlElement;
  const roots = Object.keys(parsed).filter((name) => !name.startsWith('#') && !name.startsWith('?'));
  if (roots.length !== 1) return { problem: `not one root element: ${roots.join(', ') || 'none'}` };
  const [root] = roots;
  const content = parsed[root];
  const body: XmlElement = typeof content === 'object' && !Array.isArray(content) ? content : {};
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name.startsWith(ATTRIBUTE) && typeof value === 'string') attributes[name.slice(ATTRIBUTE.length)] = value;
  }
  return { root, attributes, body };
}

/** The text of an element: its string, or the text beside its attributes; undefined when it has none. */
export function textOf(value: XmlValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (value && !Array.isArray(value) && typeof value['#text'] === 'string') return value['#text'];
  return undefined;
}

/** The elements named `name` in `parent`, one or many, as a list. */
export function elementsOf(parent: XmlElement | undefined, name: string): XmlValue[] {
  const value = parent?.[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** `value` as an element with children (an empty one when it is only text). */
export function asElement(value: XmlValue | undefined): XmlElement | undefined {
  if (value === undefined || Array.isArray(value)) return undefined;
  return typeof value === 'string' ? {} : value;
}

/** The texts of an element's children, by name (the first of each; attributes left out). */
export function textsOf(element: XmlElement): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const name of Object.keys(element)) {
    if (name.startsWith(ATTRIBUTE) || name.startsWith('#')) continue;
    const text = textOf(elementsOf(element, name)[0]);
    if (text !== undefined) texts[name] = text;
  }
  return texts;
}
