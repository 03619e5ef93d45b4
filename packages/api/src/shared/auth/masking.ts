import type { PersonalReads } from './personal-reads';

/** `13812341234` → `138****1234`; other numbers keep their first 3 and last 4 characters where they can. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** `520123` → `52**23`. */
export function maskBadge(badge: string): string {
  return badge.length <= 4 ? '*'.repeat(badge.length) : `${badge.slice(0, 2)}${'*'.repeat(badge.length - 4)}${badge.slice(-2)}`;
}

/** `张三丰` → `张**`. */
export function maskName(name: string): string {
  const characters = [...name];
  return characters.length <= 1 ? '*' : `${characters[0]}${'*'.repeat(characters.length - 1)}`;
}

/** The keys of personal fields, as they appear in records' JSON (the audit trail's before and after). */
const PERSONAL_KEYS: Record<string, (value: string) => string> = {
  phone: maskPhone,
  contactPhone: maskPhone,
  badgeNumber: maskBadge,
  contactPerson: maskName,
  requesterName: maskName,
  requesterPhone: maskPhone,
};

/**
 * A record's JSON with its personal fields masked, and the names of those fields; `fields` is empty
 * when it holds none.
 */
export function maskPersonalJson(value: unknown): { masked: unknown; fields: string[] } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { masked: value, fields: [] };
  const fields: string[] = [];
  const masked = Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => {
      const mask = PERSONAL_KEYS[key];
      if (!mask || typeof item !== 'string' || item === '') return [key, item];
      fields.push(key);
      return [key, mask(item)];
    }),
  );
  return { masked, fields };
}

/**
 * A personal field as the viewer may see it: whole, and recorded for the audit trail, when entitled;
 * masked otherwise. Null stays null.
 */
export function personalField(
  ctx: { personalReads: PersonalReads },
  record: { entity: string; id: number; field: string },
  value: string | null | undefined,
  entitled: boolean,
  mask: (value: string) => string,
): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!entitled) return mask(value);
  ctx.personalReads.record(record.entity, record.id, record.field, { value, masked: mask(value) });
  return value;
}
