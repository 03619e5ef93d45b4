import { InputErrorReason } from '../shared/errors/reasons';
import type { EntityManager } from '@mikro-orm/postgresql';
import { invalidTransition } from '../shared/errors/domain-error';
import { findForChange, findRecord } from '../shared/graphql/records';
import { parseGlobalId } from '../shared/graphql/global-id';
import type { Ordering } from '../shared/pagination';
import { DomainValidationError } from '../shared/validation';
import { Park } from '../parks/park.entity';
import { Program } from '../programs/program.entity';
import type { CreateEmbedKeyInput, EmbedKeyStepInput, UpdateEmbedKeyInput } from './access.inputs';
import { EmbedKey } from './embed-key.entity';
import { opaqueToken, sha256 } from './tokens';

export const EMBED_KEY_ORDER: Ordering = [
  ['createdAt', 'desc'],
  ['id', 'desc'],
];

const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$/;

/** Origins as browsers send them: scheme, host and port, lower case, no path; `*.` for subdomains. */
export function normaliseOrigins(origins: string[], field: string): string[] {
  return [
    ...new Set(
      origins.map((origin, index) => {
        const value = origin.trim().toLowerCase().replace(/\/$/, '');
        if (!ORIGIN.test(value)) {
          throw new DomainValidationError(
            `${field}.${index}`,
            `来源应形如 https://www.example.gov.cn，不含路径 (an origin is scheme://host[:port], no path; got ${origin})`,
            InputErrorReason.FORMAT,
          );
        }
        return value;
      }),
    ),
  ];
}

/** A new key value and what is stored of it. */
function newKey(): { key: string; prefix: string; keyHash: string } {
  const key = opaqueToken('hk_pub_');
  return { key, prefix: key.slice(0, 12), keyHash: sha256(key) };
}

/** Keys handed out by this request, by record: the whole key is shown only in the answer that made it. */
export const ISSUED_KEYS = new WeakMap<EmbedKey, string>();

export async function createEmbedKey(em: EntityManager, input: CreateEmbedKeyInput, createdBy: number | null): Promise<EmbedKey> {
  const { type } = parseGlobalId(input.scope, 'scope');
  let program: Program;
  let park: Park | null = null;
  if (type === 'Park') {
    park = await findRecord(em, Park, input.scope, 'scope');
    program = await findRecord(em, Program, park.program.nodeId, 'scope');
  } else if (type === 'Program') {
    program = await findRecord(em, Program, input.scope, 'scope');
  } else {
    throw new DomainValidationError('scope', `scope 应为计划或园区 (a program or a park; got a ${type})`, InputErrorReason.WRONG_TYPE);
  }
  const { key, prefix, keyHash } = newKey();
  const record = em.create(EmbedKey, {
    name: input.name.trim(),
    prefix,
    keyHash,
    program,
    park,
    allowedOrigins: normaliseOrigins(input.allowedOrigins, 'allowedOrigins'),
    createdBy: createdBy ?? null,
  });
  ISSUED_KEYS.set(record, key);
  return record;
}

export async function updateEmbedKey(em: EntityManager, input: UpdateEmbedKeyInput): Promise<EmbedKey> {
  const record = await findForChange(em, EmbedKey, input);
  if (record.revokedAt) throw invalidTransition('EmbedKey', 'REVOKED', 'change a revoked key');
  if (input.name) record.name = input.name.trim();
  if (input.allowedOrigins) record.allowedOrigins = normaliseOrigins(input.allowedOrigins, 'allowedOrigins');
  return record;
}

/** A new value for the key: the old one stops working at once. */
export async function rotateEmbedKey(em: EntityManager, input: EmbedKeyStepInput): Promise<EmbedKey> {
  const record = await findForChange(em, EmbedKey, input);
  if (record.revokedAt) throw invalidTransition('EmbedKey', 'REVOKED', 'rotate a revoked key');
  const { key, prefix, keyHash } = newKey();
  record.prefix = prefix;
  record.keyHash = keyHash;
  ISSUED_KEYS.set(record, key);
  return record;
}

export async function revokeEmbedKey(em: EntityManager, input: EmbedKeyStepInput): Promise<EmbedKey> {
  const record = await findForChange(em, EmbedKey, input);
  if (record.revokedAt) throw invalidTransition('EmbedKey', 'REVOKED', 'revoke it again');
  record.revokedAt = new Date();
  return record;
}
