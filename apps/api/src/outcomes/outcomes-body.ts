import { createHash } from 'node:crypto';
import { ProjectOutcomes } from '@coprod/application';

/** What an outcome answer carries over HTTP: figures and evidence, never sealed personal data. */
export function outcomesBody(outcomes: ProjectOutcomes) {
  const { facts, summary, framework, clocks } = outcomes;
  return {
    projectId: outcomes.projectId,
    project: facts.project ? { title: facts.project.title, aim: facts.project.aim, serviceArea: facts.project.serviceArea, stage: facts.project.stage, improvementSought: facts.project.improvementSought } : null,
    framework: { id: framework.id, name: framework.name, version: framework.version },
    clocks,
    suppressionThreshold: summary.suppressionThreshold,
    outcomes: summary.outcomes,
    indicators: summary.indicators,
  };
}

/** JSON.stringify of a body, cut either side of the value of one of its members. */
export interface JsonAround {
  head: string;
  tail: string;
}

/** An outcome answer's body as sent: JSON in UTF-8, and the entity tag that names it. */
export interface OutcomesReply {
  body: Buffer;
  etag: string;
}

/** The encoded body of an answer but its clocks, and digests that stand for those parts in the entity tag. */
interface Encoded {
  head: Buffer;
  tail: Buffer;
  headDigest: string;
  tailDigest: string;
}

/**
 * The body of each answer but its clocks, encoded once and keyed by the answer's summary. An answer
 * asked again is shared, and only its clocks (which carry the moment of asking) differ from one reply
 * to the next. Summary, facts and framework are made together and never changed, so one key stands for all.
 */
const encodedAnswers = new WeakMap<ProjectOutcomes['summary'], Encoded>();

/**
 * The reply to an outcome query: exactly JSON.stringify(outcomesBody(outcomes)), with the figures
 * encoded once per answer rather than once per reply. The weak entity tag digests the clocks with
 * digests of the parts around them, so it changes whenever the body does without hashing it whole.
 */
export function outcomesReply(outcomes: ProjectOutcomes): OutcomesReply {
  const body = outcomesBody(outcomes);
  let encoded = encodedAnswers.get(outcomes.summary);
  if (!encoded) {
    encoded = encode(jsonAround(body, 'clocks'));
    encodedAnswers.set(outcomes.summary, encoded);
  }
  const clocks = JSON.stringify(body.clocks);
  const bytes = Buffer.concat([encoded.head, Buffer.from(clocks, 'utf8'), encoded.tail]);
  const digest = sha1(`${encoded.headDigest}\n${clocks}\n${encoded.tailDigest}`).slice(0, 27);
  return { body: bytes, etag: `W/"${bytes.length.toString(16)}-${digest}"` };
}

function encode({ head, tail }: JsonAround): Encoded {
  return { head: Buffer.from(head, 'utf8'), tail: Buffer.from(tail, 'utf8'), headDigest: sha1(head), tailDigest: sha1(tail) };
}

function sha1(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('base64');
}

/** JSON.stringify(body) cut either side of the value of `key` (a member whose value serialises), in member order. */
export function jsonAround(body: object, key: string): JsonAround {
  const entries = Object.entries(body);
  const at = entries.findIndex(([name]) => name === key);
  const members = (part: [string, unknown][]) =>
    part.flatMap(([name, value]) => {
      const json = JSON.stringify(value) as string | undefined;
      return json === undefined ? [] : [`${JSON.stringify(name)}:${json}`];
    });
  return {
    head: `{${[...members(entries.slice(0, at)), `${JSON.stringify(key)}:`].join(',')}`,
    tail: `${members(entries.slice(at + 1))
      .map((member) => `,${member}`)
      .join('')}}`,
  };
}
