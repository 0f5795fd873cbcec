import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_COMMUNICATION_CHANNEL,
  OwnershipRole,
  OWNERSHIP_ROLE_ANNOTATIONS,
  OWNERSHIP_ROLE_LABELS,
} from '../../annotations';
import { ownerConfirmedAnnotation } from '../../annotations';
import { parseOwnerRef } from '../../ownerRef';
import { parseDuration } from '../duration';
import { CheckFn, RawResult as CheckOutcome } from './types';
import type { EvaluationContext } from '../context';

const roleName = (role: OwnershipRole) =>
  OWNERSHIP_ROLE_LABELS[role].toLowerCase();

const CHANNEL =
  /^(?:slack:#?[\w.-]+|msteams:\S+|teams:\S+|mailto:[^@\s]+@[^@\s]+\.[^@\s]+|https?:\/\/\S+)$/i;

/** Whether a communication channel value has a known form. */
export function isValidChannel(value: string): boolean {
  return CHANNEL.test(value.trim());
}

function contactOf(owner: Entity): string | undefined {
  const email = (owner.spec as any)?.profile?.email;
  if (typeof email === 'string' && email.trim()) return email.trim();
  const channel =
    owner.metadata.annotations?.[ANNOTATION_COMMUNICATION_CHANNEL];
  if (channel && isValidChannel(channel)) return channel.trim();
  return undefined;
}

function roleRef(entity: Entity, role: OwnershipRole) {
  const annotation = OWNERSHIP_ROLE_ANNOTATIONS[role];
  const value = entity.metadata.annotations?.[annotation];
  if (value === undefined || value.trim() === '')
    return { annotation, value: undefined, parsed: undefined };
  return {
    annotation,
    value,
    parsed: parseOwnerRef(value, entity.metadata.namespace ?? 'default'),
  };
}

function displayName(owner: Entity): string {
  const profile = (owner.spec as any)?.profile;
  return owner.metadata.title ?? profile?.displayName ?? owner.metadata.name;
}

type RoleRule = {
  role: OwnershipRole;
  resolve: boolean;
  contact: boolean;
  confirmedWithin?: string;
};

/**
 * With `confirmedWithin`, a role that holds passes only while its owner was
 * confirmed recently enough; the result changes when the confirmation runs
 * out (noted for a re-evaluation then).
 */
function confirmed(
  w: RoleRule,
  within: number | undefined,
  entity: Entity,
  ctx: EvaluationContext,
  passed: CheckOutcome,
): CheckOutcome {
  if (within === undefined || passed.result !== 'pass') return passed;
  const annotation = ownerConfirmedAnnotation(w.role);
  const value = entity.metadata.annotations?.[annotation];
  const at = value ? Date.parse(value) : NaN;
  const name = roleName(w.role);
  if (!value)
    return {
      ...passed,
      result: 'fail',
      message: `${passed.message}; never confirmed: its owners confirm it on the Ownership panel (every ${w.confirmedWithin})`,
    };
  if (Number.isNaN(at))
    return {
      ...passed,
      result: 'fail',
      message: `${annotation}: "${value}" is not a date`,
    };
  const until = at + within;
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  if (until <= ctx.now)
    return {
      ...passed,
      result: 'fail',
      message: `${passed.message}; last confirmed on ${day(at)}, more than ${
        w.confirmedWithin
      } ago: confirm the ${name} again`,
    };
  ctx.changesAt(until);
  return {
    ...passed,
    message: `${passed.message}; confirmed on ${day(at)} (until ${day(until)})`,
  };
}

function roleCheck(w: RoleRule): CheckFn {
  const within =
    w.confirmedWithin === undefined
      ? undefined
      : parseDuration(w.confirmedWithin);
  const inner = roleHolds(w);
  return (entity, ref, ctx: EvaluationContext) =>
    confirmed(w, within, entity, ctx, inner(entity, ref, ctx));
}

function roleHolds(w: RoleRule): CheckFn {
  const name = roleName(w.role);
  return (entity, _ref, ctx: EvaluationContext) => {
    const { annotation, value, parsed } = roleRef(entity, w.role);
    if (!parsed) {
      return {
        result: 'fail',
        message: `No ${name}: set the ${annotation} annotation to a group or user`,
      };
    }
    if (!parsed.ok) {
      return {
        result: 'fail',
        message: `${annotation}: ${parsed.error}`,
        observed: value,
      };
    }
    const ref = parsed.refString;
    if (!w.resolve && !w.contact) {
      return { result: 'pass', message: `${name}: ${ref}`, observed: ref };
    }
    if (!ctx.hasCatalog) {
      return {
        result: 'unknown',
        message: `${name} ${ref} is set, but no catalog was given to check that it exists`,
        observed: ref,
      };
    }
    const owner = ctx.entity(ref);
    if (!owner) {
      return {
        result: 'fail',
        message: `${name} ${ref} does not exist in the catalog`,
        observed: ref,
      };
    }
    if (w.contact) {
      const contact = contactOf(owner);
      if (!contact) {
        return {
          result: 'fail',
          message: `${name} ${ref} has no contact: add spec.profile.email or a ${ANNOTATION_COMMUNICATION_CHANNEL} annotation to it`,
          observed: ref,
        };
      }
      return {
        result: 'pass',
        message: `${name}: ${displayName(
          owner,
        )} (${ref}), reachable at ${contact}`,
        observed: ref,
      };
    }
    return {
      result: 'pass',
      message: `${name}: ${displayName(owner)} (${ref})`,
      observed: ref,
    };
  };
}

function distinctCheck(roles: OwnershipRole[]): CheckFn {
  return entity => {
    const byRef = new Map<string, OwnershipRole[]>();
    for (const role of roles) {
      const { parsed } = roleRef(entity, role);
      if (parsed?.ok)
        byRef.set(parsed.refString, [
          ...(byRef.get(parsed.refString) ?? []),
          role,
        ]);
    }
    const set = [...byRef.values()].reduce((n, r) => n + r.length, 0);
    if (set < 2) {
      return {
        result: 'unknown',
        message: `Fewer than two of the ${roles
          .map(r => roleName(r))
          .join(', ')} are set; nothing to compare yet`,
      };
    }
    const shared = [...byRef.entries()].filter(([, r]) => r.length > 1);
    if (shared.length === 0) {
      return {
        result: 'pass',
        message: `${roles
          .map(r => roleName(r))
          .join(', ')} are held by different owners`,
      };
    }
    return {
      result: 'fail',
      message: shared
        .map(([ref, r]) => `${ref} is ${r.map(x => roleName(x)).join(' and ')}`)
        .concat('define the roles separately')
        .join('; '),
    };
  };
}

const channelCheck: CheckFn = entity => {
  const value = entity.metadata.annotations?.[ANNOTATION_COMMUNICATION_CHANNEL];
  if (!value || value.trim() === '') {
    return {
      result: 'fail',
      message: `No communication channel: set ${ANNOTATION_COMMUNICATION_CHANNEL} (for example slack:#payments-incidents)`,
    };
  }
  if (!isValidChannel(value)) {
    return {
      result: 'fail',
      message: `${ANNOTATION_COMMUNICATION_CHANNEL} "${value}" is not a channel; use slack:#name, msteams:…, mailto:address or a URL`,
      observed: value,
    };
  }
  return {
    result: 'pass',
    message: `Communication channel: ${value.trim()}`,
    observed: value.trim(),
  };
};

/** `ownership` checks: the three roles, their separation, and the communication channel. */
export function compileOwnershipCheck(
  w:
    | ({ rule: 'role' } & RoleRule)
    | { rule: 'distinct'; roles: OwnershipRole[] }
    | { rule: 'channel' },
): CheckFn {
  switch (w.rule) {
    case 'role':
      return roleCheck(w);
    case 'distinct':
      return distinctCheck(w.roles);
    default:
      return channelCheck;
  }
}
