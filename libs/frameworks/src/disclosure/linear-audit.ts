/**
 * What a reader can work out from published numbers: exact linear algebra over the published
 * equations (rational Gaussian elimination, so no rounding hides a solution) and the bounds every
 * reader knows (a count is never negative, a hidden cell is at least 1).
 */

/** One quantity as the audit sees it: its true value and what a reader knows of it while it is hidden. */
export interface AuditQuantity {
  value: number;
  /** Smallest value a reader knows it can take. */
  min: number;
  /** Largest value a reader knows it can take (Infinity when unbounded). */
  max: number;
  /** Whole numbers only (people, sessions, minutes, pence, sums of whole-point answers). */
  integer: boolean;
}

/** `Σ coefficient × quantity = constant`, a relation every reader of the output knows. */
export interface LinearRelation {
  terms: readonly (readonly [id: string, coefficient: number])[];
  constant?: number;
}

/** `total = Σ parts`, the commonest relation. */
export function sumRelation(total: string, parts: readonly string[]): LinearRelation {
  return { terms: [[total, 1], ...parts.map((id) => [id, -1] as const)] };
}

class Rational {
  private constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {}

  static of(n: bigint, d = 1n): Rational {
    if (d === 0n) throw new RangeError('a rational number cannot have a zero denominator');
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcd(n < 0n ? -n : n, d);
    return new Rational(n / g, d / g);
  }

  static from(value: number): Rational {
    if (Number.isInteger(value)) return Rational.of(BigInt(value));
    const [whole, fraction = ''] = String(value).split('.');
    if (/e/i.test(String(value))) throw new RangeError(`cannot audit ${value} exactly; give quantities in whole units`);
    const scale = 10n ** BigInt(fraction.length);
    return Rational.of(BigInt(whole + fraction), scale);
  }

  get zero(): boolean {
    return this.n === 0n;
  }
  add(o: Rational): Rational {
    return Rational.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Rational): Rational {
    return Rational.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.n * o.n, this.d * o.d);
  }
  div(o: Rational): Rational {
    return Rational.of(this.n * o.d, this.d * o.n);
  }
  toNumber(): number {
    return Number(this.n) / Number(this.d);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** A relation with the published quantities substituted: coefficients over hidden ones and a right-hand side. */
interface Row {
  coefficients: Map<string, Rational>;
  rhs: Rational;
}

function substitute(relation: LinearRelation, known: (id: string) => number | undefined): Row {
  const coefficients = new Map<string, Rational>();
  let rhs = Rational.from(relation.constant ?? 0);
  for (const [id, c] of relation.terms) {
    const value = known(id);
    if (value === undefined) {
      const sum = (coefficients.get(id) ?? Rational.of(0n)).add(Rational.from(c));
      if (sum.zero) coefficients.delete(id);
      else coefficients.set(id, sum);
    } else {
      rhs = rhs.sub(Rational.from(c).mul(Rational.from(value)));
    }
  }
  return { coefficients, rhs };
}

/** Reduced row echelon form of the rows (over the hidden quantities). */
function reduce(rows: Row[], unknowns: string[]): Row[] {
  const work = rows.map((r) => ({ coefficients: new Map(r.coefficients), rhs: r.rhs }));
  let pivotRow = 0;
  for (const id of unknowns) {
    const at = work.findIndex((r, i) => i >= pivotRow && r.coefficients.has(id));
    if (at < 0) continue;
    [work[pivotRow], work[at]] = [work[at], work[pivotRow]];
    const pivot = work[pivotRow];
    const scale = pivot.coefficients.get(id)!;
    for (const [k, v] of pivot.coefficients) pivot.coefficients.set(k, v.div(scale));
    pivot.rhs = pivot.rhs.div(scale);
    for (let i = 0; i < work.length; i++) {
      if (i === pivotRow) continue;
      const factor = work[i].coefficients.get(id);
      if (!factor) continue;
      for (const [k, v] of pivot.coefficients) {
        const next = (work[i].coefficients.get(k) ?? Rational.of(0n)).sub(factor.mul(v));
        if (next.zero) work[i].coefficients.delete(k);
        else work[i].coefficients.set(k, next);
      }
      work[i].rhs = work[i].rhs.sub(factor.mul(pivot.rhs));
    }
    pivotRow++;
  }
  return work;
}

/** A hidden quantity a reader can work out, and how. */
export interface Recovery {
  id: string;
  /** The value the reader gets (the low end when only bounds pin it down). */
  value: number;
  by: 'equations' | 'bounds';
}

/**
 * Every hidden quantity a reader of the published ones can pin down to a single value. `known`
 * gives the published value of a quantity, or undefined when it is hidden.
 */
export function recoverable(
  hidden: ReadonlyMap<string, AuditQuantity>,
  relations: readonly LinearRelation[],
  known: (id: string) => number | undefined,
): Recovery[] {
  const rows = relations.map((r) => substitute(r, known)).filter((r) => r.coefficients.size > 0);
  const unknowns = [...new Set(rows.flatMap((r) => [...r.coefficients.keys()]))].sort();
  const reduced = reduce(rows, unknowns);
  const found = new Map<string, Recovery>();
  for (const row of reduced) {
    if (row.coefficients.size !== 1) continue;
    const [[id, c]] = [...row.coefficients];
    found.set(id, { id, value: row.rhs.div(c).toNumber(), by: 'equations' });
  }
  for (const [id, interval] of boundsOf(hidden, [...rows, ...reduced])) {
    if (found.has(id)) continue;
    if (interval.hi - interval.lo < 1e-9) found.set(id, { id, value: interval.lo, by: 'bounds' });
  }
  return [...found.values()];
}

/** Interval propagation over the rows: each hidden quantity's range given the others' ranges. */
function boundsOf(hidden: ReadonlyMap<string, AuditQuantity>, rows: Row[]): Map<string, { lo: number; hi: number }> {
  const range = new Map<string, { lo: number; hi: number }>();
  for (const [id, q] of hidden) range.set(id, { lo: q.min, hi: q.max });
  const get = (id: string) => range.get(id) ?? { lo: -Infinity, hi: Infinity };
  for (let round = 0; round < 8; round++) {
    let changed = false;
    for (const row of rows) {
      const terms = [...row.coefficients].map(([id, c]) => [id, c.toNumber()] as const);
      const rhs = row.rhs.toNumber();
      for (const [id, c] of terms) {
        let lo = rhs;
        let hi = rhs;
        for (const [other, k] of terms) {
          if (other === id) continue;
          const r = get(other);
          // rhs - k·x over x in [lo, hi]
          lo -= k > 0 ? k * r.hi : k * r.lo;
          hi -= k > 0 ? k * r.lo : k * r.hi;
        }
        let [newLo, newHi] = c > 0 ? [lo / c, hi / c] : [hi / c, lo / c];
        if (Number.isNaN(newLo)) newLo = -Infinity;
        if (Number.isNaN(newHi)) newHi = Infinity;
        const current = get(id);
        const integer = hidden.get(id)?.integer ?? false;
        const tightLo = integer ? Math.ceil(newLo - 1e-9) : newLo;
        const tightHi = integer ? Math.floor(newHi + 1e-9) : newHi;
        const next = { lo: Math.max(current.lo, tightLo), hi: Math.min(current.hi, tightHi) };
        if (next.lo > current.lo + 1e-9 || next.hi < current.hi - 1e-9) {
          range.set(id, next);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return range;
}
