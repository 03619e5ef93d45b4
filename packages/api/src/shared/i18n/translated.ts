import { Arg, Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength } from 'class-validator';

export enum Locale {
  ZH_CN = 'zh-CN',
  ZH_TW = 'zh-TW',
  EN = 'en',
}
registerEnumType(Locale, {
  name: 'Locale',
  description: 'Languages Huhang speaks; Simplified Chinese is the default.',
  valuesConfig: {
    ZH_CN: { description: 'Simplified Chinese (简体中文).' },
    ZH_TW: { description: 'Traditional Chinese (繁體中文).' },
    EN: { description: 'English.' },
  },
});

/** Text in each offered language as stored: zh-CN is required, the others fall back to it. */
export interface Translated {
  'zh-CN': string;
  'zh-TW'?: string;
  en?: string;
}

@ObjectType({ description: 'A text in each offered language; zh-CN is always there.' })
export class TranslatedText {
  constructor(private readonly value: Translated) {}

  @Field({ description: 'Simplified Chinese.' })
  get zhCN(): string {
    return this.value['zh-CN'];
  }

  @Field(() => String, { nullable: true, description: 'Traditional Chinese, if translated.' })
  get zhTW(): string | null {
    return this.value['zh-TW'] ?? null;
  }

  @Field(() => String, { nullable: true, description: 'English, if translated.' })
  get en(): string | null {
    return this.value.en ?? null;
  }

  @Field(() => String, { description: 'The text in one language, falling back to Simplified Chinese.' })
  text(@Arg('locale', () => Locale, { defaultValue: Locale.ZH_CN, description: 'The language.' }) locale: Locale): string {
    return this.value[locale] || this.value['zh-CN'];
  }
}

@InputType({ description: 'A text in each offered language; zh-CN is required.' })
export class TranslatedTextInput {
  @Field({ description: 'Simplified Chinese.' })
  @MinLength(1)
  @MaxLength(2000)
  zhCN!: string;

  @Field(() => String, { nullable: true, description: 'Traditional Chinese.' })
  @IsOptional()
  @MaxLength(2000)
  zhTW?: string | null;

  @Field(() => String, { nullable: true, description: 'English.' })
  @IsOptional()
  @MaxLength(2000)
  en?: string | null;
}

export function fromInput(input: TranslatedTextInput): Translated {
  const value: Translated = { 'zh-CN': input.zhCN.trim() };
  if (input.zhTW?.trim()) value['zh-TW'] = input.zhTW.trim();
  if (input.en?.trim()) value.en = input.en.trim();
  return value;
}
