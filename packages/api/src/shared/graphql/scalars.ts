import { GraphQLLocalDate } from 'graphql-scalars';

/** Calendar day `YYYY-MM-DD` in the program's time zone (Asia/Shanghai by default). */
export const LocalDate = GraphQLLocalDate;
