import { getMetadataStorage } from 'class-validator';
import { isInputObjectType, type GraphQLSchema } from 'graphql';

/** The limits of one input field, as its validation rules set them. */
export interface FieldLimits {
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  minItems?: number;
  maxItems?: number;
}

/** class-validator's constraint names, and the limit each sets. */
const CONSTRAINTS: Record<string, keyof FieldLimits> = {
  minLength: 'minLength',
  maxLength: 'maxLength',
  min: 'min',
  max: 'max',
  arrayMinSize: 'minItems',
  arrayMaxSize: 'maxItems',
};

/**
 * Every input type's field limits, read from the validation rules the API enforces, by GraphQL
 * type and field name. Clients (the widgets) check the same limits as a user types.
 */
export function inputLimits(schema: GraphQLSchema): Record<string, Record<string, FieldLimits>> {
  const storage = getMetadataStorage();
  // Input classes by name: type-graphql names each input type after its class.
  type InputClass = abstract new (...args: never[]) => unknown;
  const classes = new Map<string, InputClass>();
  for (const target of (storage as unknown as { validationMetadatas: Map<InputClass, unknown[]> }).validationMetadatas.keys()) {
    classes.set(target.name, target);
  }
  const out: Record<string, Record<string, FieldLimits>> = {};
  for (const type of Object.values(schema.getTypeMap()).sort((a, b) => a.name.localeCompare(b.name))) {
    const target = classes.get(type.name);
    if (!isInputObjectType(type) || !target) continue;
    const fields: Record<string, FieldLimits> = {};
    for (const rule of storage.getTargetValidationMetadatas(target, '', true, false)) {
      const limit = rule.name ? CONSTRAINTS[rule.name] : undefined;
      const value = rule.constraints?.[0];
      if (!limit || typeof value !== 'number' || !(rule.propertyName in type.getFields())) continue;
      (fields[rule.propertyName] ??= {})[limit] = value;
    }
    const sorted = Object.fromEntries(
      Object.keys(fields)
        .sort()
        .map((name) => [name, fields[name]!]),
    );
    if (Object.keys(sorted).length) out[type.name] = sorted;
  }
  return out;
}
