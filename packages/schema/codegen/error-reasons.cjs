// @ts-check
/**
 * A graphql-codegen plugin: the API's error reasons (every enum named `…ErrorReason`) as string
 * union types, and `ErrorReason`, their union, for clients that switch on `extensions.reason`.
 * The reasons travel in `extensions`, outside the type system, so no operation selects them and the
 * operation plugins would leave them out.
 */
const { isEnumType } = require('graphql');

/** @param {string | null | undefined} text */
const doc = (text, indent = '') => (text ? `${indent}/** ${text.replace(/\*\//g, '* /')} */\n` : '');

module.exports = {
  /** @param {import('graphql').GraphQLSchema} schema */
  plugin(schema) {
    const enums = Object.values(schema.getTypeMap())
      .filter((type) => isEnumType(type) && type.name.endsWith('ErrorReason'))
      .sort((a, b) => a.name.localeCompare(b.name));
    const blocks = enums.map((type) => {
      const values = /** @type {import('graphql').GraphQLEnumType} */ (type).getValues();
      return `${doc(type.description)}export type ${type.name} =\n${values
        .map((value) => `${doc(value.description, '  ')}  | '${value.name}'`)
        .join('\n')};\n`;
    });
    const union = `/** Every reason an error of the API may give in \`extensions.reason\`. */\nexport type ErrorReason =\n${enums
      .map((type) => `  | ${type.name}`)
      .join('\n')};\n`;
    return [...blocks, union].join('\n');
  },
};
