import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { IsInt, IsOptional, Max, Min, MaxLength } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Where a page lies in its list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'More items follow the last edge.' })
  hasNextPage!: boolean;

  @Field({ description: 'Items come before the first edge.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; null on an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

/** Relay paging arguments; `first`/`after` pages forward, `last`/`before` backward. At most 100 per page. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `The first n items after \`after\` (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  @IsOptional()
  @MaxLength(500)
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `The last n items before \`before\` (1–${MAX_PAGE_SIZE}).` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor before which the page ends.' })
  @IsOptional()
  @MaxLength(500)
  before?: string | null;
}

/** A page as resolvers hand it to GraphQL; `totalCount` is computed only when asked for. */
export class Page<T> {
  constructor(
    readonly nodes: T[],
    /** A node's cursor, made only when edges are asked for. */
    private readonly cursorOf: (node: T) => string,
    readonly pageInfo: PageInfo,
    private readonly countFn: () => Promise<number>,
  ) {}

  get edges(): Array<{ cursor: string; node: T }> {
    return this.nodes.map((node) => ({ cursor: this.cursorOf(node), node }));
  }

  get totalCount(): Promise<number> {
    return this.countFn();
  }
}

const connectionTypes = new Map<ClassType<object>, ClassType<object>>();

/** The `XConnection` and `XEdge` types for node type X (made once per type). */
export function connectionType<T extends object>(type: ClassType<T>, description?: string): ClassType<Page<T>> {
  const known = connectionTypes.get(type);
  if (known) return known as ClassType<Page<T>>;
  const name = type.name;

  @ObjectType(`${name}Edge`, { description: `An edge of a ${name} list: the node and its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this edge; pass it as `after` or `before`.' })
    cursor!: string;

    @Field(() => type, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: description ?? `A page of ${name} records (Relay cursor connection).` })
  class Connection {
    @Field(() => [Edge], { description: 'The edges of this page.' })
    edges!: Edge[];

    @Field(() => [type], { description: 'The nodes of this page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole filtered list, across all pages.' })
    totalCount!: number;
  }
  connectionTypes.set(type, Connection);
  return Connection as unknown as ClassType<Page<T>>;
}
