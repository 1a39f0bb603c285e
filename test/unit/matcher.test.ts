import { describe, expect, it } from 'vitest';
import { buildMatcher, deserializeMatcher, matchCompanies, newContextState, scanText, serializeMatcher } from '../../src/core/matcher';
import { seededRandom } from '../harness/seeded-random.mjs';
import { company } from './helpers';

const companies = [
  company('amazon', 'Amazon', { ambiguous: ['Amazon'], aliases: ['Amazon.com'], tickers: ['NASDAQ:AMZN'] }),
  company('amazon-web-services', 'Amazon Web Services', { aliases: ['AWS'] }),
  company('google', 'Google'),
  company('google-cloud', 'Google Cloud', { aliases: ['GCP'] }),
  company('microsoft', 'Microsoft', { tickers: ['NASDAQ:MSFT'] }),
  company('openai', 'OpenAI'),
  company('nvidia', 'Nvidia', { tickers: ['NASDAQ:NVDA'] }),
  company('apple', 'Apple', { ambiguous: ['Apple'], tickers: ['NASDAQ:AAPL'] }),
  company('oracle', 'Oracle', { ambiguous: ['Oracle'], tickers: ['NYSE:ORCL'] }),
  company('x-corp', 'X', { ambiguous: ['X'], aliases: ['Twitter'] }),
  company('square', 'Square', { ambiguous: ['Square'] }),
  company('l-oreal', "L'Oréal"),
  company('wired', 'Wired', { ambiguous: ['Wired'] }),
  company('facebook', 'Facebook'),
  company('aws-like', 'Bedrock Systems', { aliases: ['Bedrock'] }),
  company('bank-of-america', 'Bank of America'),
  company('kong', 'Kong', { ambiguous: ['Kong'] }),
  company('nintendo', 'Nintendo'),
  company('switch', 'Switch', { ambiguous: ['Switch'] }),
  company('dji', 'DJI'),
  company('suzuki', 'Suzuki', { ambiguous: ['Suzuki'] }),
  company('emirates', 'Emirates', { ambiguous: ['Emirates'] }),
  company('poynter-institute', 'Poynter Institute', { category: 'organisation' }),
  company('tampa-bay-times', 'Tampa Bay Times'),
  company('raspberry-pi', 'Raspberry Pi Holdings', { aliases: ['Raspberry Pi'] }),
  company('raspberry-pi-foundation', 'Raspberry Pi Foundation', { category: 'organisation' }),
  company('ascom', 'Ascom', { tickers: ['SIX:ASCN'] }),
  company('fortune', 'Fortune', { ambiguous: ['Fortune'] }),
  company('dow-jones', 'Dow Jones'),
  company('xerox-parc', 'Xerox PARC'),
  company('ferrari', 'Ferrari'),
  company('rtx', 'RTX'),
  company('arm', 'Arm', { ambiguous: ['Arm'] }),
  company('strategy', 'Strategy', { ambiguous: ['Strategy'], aliases: ['MicroStrategy'] }),
  company('zoom', 'Zoom', { ambiguous: ['Zoom'] }),
  company('hp-inc', 'HP Inc.', { aliases: ['HP'], ambiguous: ['HP'] }),
  company('ring', 'Ring', { ambiguous: ['Ring'] }),
  company('ups', 'UPS'),
  company('dell', 'Dell'),
  company('island', 'Island', { ambiguous: ['Island'] }),
  company('ee', 'EE', { ambiguous: ['EE'] }),
  company('msc', 'MSC', { ambiguous: ['MSC'] }),
  company('ezra', 'Ezra', { ambiguous: ['Ezra'] }),
  company('writer', 'Writer', { ambiguous: ['Writer'] }),
  company('galileo', 'Galileo', { ambiguous: ['Galileo'] }),
  company('alan', 'Alan', { ambiguous: ['Alan'] }),
  company('vice-media', 'Vice Media', { aliases: ['Vice'], ambiguous: ['Vice'] }),
  company('kodiak', 'Kodiak', { ambiguous: ['Kodiak'] }),
  company('matrix', 'Matrix'),
  company('reuters', 'Reuters'),
  company('varda', 'Varda', { ambiguous: ['Varda'] }),
];
const m = buildMatcher(companies);
const ids = (text: string) => matchCompanies(m, text).map((x) => x.companyId);
const spans = (text: string) => matchCompanies(m, text).map((x) => text.slice(x.start, x.end));

describe('matchCompanies', () => {
  it('takes a bare ticker symbol only in parentheses right after its company\'s name', () => {
    expect(spans('Ascom registered shares (ASCN) are listed in Zurich.')).toEqual(['Ascom', 'ASCN']);
    expect(spans('Apple Inc. (AAPL) rose.')).toEqual(['Apple', 'AAPL']);
    expect(spans('The index (ASCN) rose. ASCN fell.')).toEqual([]);
    expect(spans('Ascom said so. Then (ASCN) fell.')).toEqual(['Ascom']);
  });
  it('reads an index or a ranking named after its publisher as neither ("Fortune 500", "Dow Jones Industrial Average")', () => {
    expect(ids('Nvidia is now in every Fortune 500 company.')).toEqual(['nvidia']);
    expect(ids('the blue-chip Dow Jones Industrial Average fell')).toEqual([]);
    expect(ids('Dow Jones said it would sell the unit.')).toEqual(['dow-jones']);
  });
  it('does not take a name inside a quoted title of a work, but does in a quoted name or headline', () => {
    expect(ids('the author of “Dealers of Lightning: Xerox PARC and the Dawn of the Computer Age” and more')).toEqual([]);
    expect(ids('In ‘Ford v Ferrari’, the racetrack came to life')).toEqual([]);
    expect(ids('Ferrari said its profit rose.')).toEqual(['ferrari']);
    expect(ids('He read “Ferrari Raises Its Outlook Again” on Monday.')).toEqual(['ferrari']);
  });
  it('gives a name its other sense on a page that names the company it belongs to', () => {
    expect(ids('Nintendo sold more consoles. It is still the same old Switch that users love.')).toEqual(['nintendo']);
    expect(ids('Nvidia prices the RTX 2060 low.')).toEqual(['nvidia']);
    expect(ids('RTX said its profit rose.')).toEqual(['rtx']);
  });
  it('takes an ambiguous maker before its product line, or with its product named in the sentence', () => {
    expect(ids('Get a massive $500 discount on the HP Spectre Folio')).toEqual(['hp-inc']);
    expect(ids('Ring security cameras are some of the best.')).toEqual(['ring']);
    expect(ids('Amazon gets closer to getting Alexa everywhere')).toEqual(['amazon']);
    expect(ids('Amazon gets closer to the sea')).toEqual([]);
    expect(ids('He gave her a ring.')).toEqual([]);
  });
  it('does not let a page full of companies decide a word of a long Title Case headline, only of a short menu item', () => {
    const state = newContextState();
    matchCompanies(m, 'Microsoft, Nvidia and OpenAI signed a deal with Google.', state);
    expect(matchCompanies(m, 'Mystery Creature With Square Head Featured in Ancient Peruvian Geoglyphs', state)).toEqual([]);
    expect(matchCompanies(m, 'More From Square Today', state).map((x) => x.companyId)).toEqual(['square']);
  });
  it('reads a name after a first name as a surname, and a first-name company before a surname as a person', () => {
    expect(ids('Michael Dell said he would stay on.')).toEqual([]);
    expect(ids('Dell said it would cut jobs.')).toEqual(['dell']);
    expect(ids('The deal was signed, said Ezra Acayan of the firm, and Ezra said revenue rose.')).toEqual(['ezra']);
  });
  it('does not take a place before "-based", a letter inside a product name, or a word of another language', () => {
    expect(ids('said the president of Mercer Island-based Besecker, a seafood buyer')).toEqual([]);
    expect(ids('Apple updated OS X and the iPhone X; X-Men is a film.')).toEqual(['apple']);
    expect(ids('Todo lo que sabemos del asalto al Capitolio de EE. UU.')).toEqual([]);
  });
  it('does not take a job title, a game show, a spacecraft or a list of bylines', () => {
    const state = newContextState();
    matchCompanies(m, 'Microsoft, Nvidia and OpenAI signed a deal with Google.', state);
    const seen = (text: string) => matchCompanies(m, text, state).map((x) => x.companyId);
    expect(seen('Greg Beacham, Ap Sports Writer')).toEqual([]);
    expect(seen('A Shelton teacher realizes her dream on Wheel of Fortune this week.')).toEqual([]);
    expect(seen("NASA's Galileo spacecraft found evidence of an ocean.")).toEqual([]);
    expect(seen('Associated Press Writers Alan Fram, Zeke Miller and Laurie Kellman Contributed')).toEqual([]);
  });
  it('reads a town before its state, a description, an accented first name and the computer behind a model number', () => {
    const state = newContextState();
    matchCompanies(m, 'Microsoft, Nvidia and OpenAI signed a deal with Google.', state);
    const seen = (text: string) => matchCompanies(m, text, state).map((x) => x.companyId);
    expect(seen('From a base in Kodiak, Alaska, the boat makes trips.')).toEqual([]);
    expect(seen('Reuters, Washington, reported the vote.')).toEqual(['reuters']);
    expect(seen('you zoom through a Matrix-like computer system')).toEqual([]);
    expect(seen('the film director Agnès Varda, whose work was central')).toEqual([]);
    const pi = newContextState();
    expect(matchCompanies(m, 'The Raspberry Pi 3 is here.', pi)).toEqual([]);
    expect(matchCompanies(m, 'Raspberry Pi has achieved new heights, shipped to the station.', pi)).toEqual([]);
  });
  it('reads "Vice President" as a title, on a page that names Vice Media too', () => {
    const state = newContextState();
    expect(matchCompanies(m, 'Vice said it would cut jobs.', state).map((x) => x.companyId)).toEqual(['vice-media']);
    expect(matchCompanies(m, 'An aide to Vice President Mike Pence testified; the former vice-president declined.', state)).toEqual([]);
  });
  it('takes an ambiguous name before a fleet noun ("an MSC cargo ship")', () => {
    expect(ids('An MSC cargo ship leaves PortMiami.')).toEqual(['msc']);
  });
  it('reads "a lithium UPS" as a power supply, UPS alone as the company', () => {
    expect(ids('See all the benefits of the 5P lithium UPS')).toEqual([]);
    expect(ids('UPS said it would cut jobs.')).toEqual(['ups']);
  });
  it('does not take a processor architecture, a job title or a verb in a headline', () => {
    expect(ids('Nvidia GPUs now work with Arm processors, the company said.')).toEqual(['nvidia']);
    expect(ids('Nvidia names Ivan Braiker Chief Strategy Officer')).toEqual(['nvidia']);
    // Even on a page where Zoom the company is confirmed (one state across the page's paragraphs).
    const state = newContextState();
    expect(matchCompanies(m, 'Zoom said revenue rose.', state).map((x) => x.companyId)).toEqual(['zoom']);
    expect(matchCompanies(m, 'Huge Asteroid on Track to Zoom Past Earth Tonight', state)).toEqual([]);
    expect(matchCompanies(m, 'Zoom Beats Estimates as Revenue Rises', state).map((x) => x.companyId)).toEqual(['zoom']);
  });
  it('never marks an organisation (a non-profit or government kept as an owner), only the companies beside it', () => {
    expect(ids('The Poynter Institute, which owns the Tampa Bay Times, said so.')).toEqual(['tampa-bay-times']);
    // Its name wins over a company's shorter name inside it.
    expect(ids('The Raspberry Pi Foundation is a charity; Raspberry Pi Holdings listed in London.')).toEqual(['raspberry-pi']);
  });
  it('takes an ambiguous name in capitals inside a sentence in lower case, not in a line of capitals', () => {
    expect(spans('Subscribe to WIRED and stay smart. WIRED is where tomorrow is realized.')).toEqual(['WIRED', 'WIRED']);
    expect(ids('MORE FROM WIRED')).toEqual([]);
    expect(ids('WIRED')).toEqual([]);
    // Once taken, it confirms the company for the page's other, undecided, mentions.
    expect(ids('Read WIRED today. Wired Staff')).toEqual(['wired', 'wired']);
  });
  it('does not take a building or venue named after a company, nor Kong in Hong Kong', () => {
    expect(ids('Bank of America Tower Sells For Record Price')).toEqual([]);
    expect(ids('Bank of America said it would sell the Bank of America Stadium naming rights.')).toEqual(['bank-of-america']);
    expect(ids('Standoff At A Hong Kong University')).toEqual([]);
  });
  it('does not take an instrument code (".DJI") or a maker\'s product right after the maker, in a title too', () => {
    expect(ids('the Dow Jones Industrial Average .DJI fell 102 points')).toEqual([]);
    expect(ids('DJI unveiled a drone.')).toEqual(['dji']);
    expect(ids('Nintendo Switch Lite For $200')).toEqual(['nintendo']);
  });
  it('takes an ambiguous maker before a model code, and an ambiguous name after "X-based"', () => {
    expect(ids('The Suzuki GZ125 Marauder is back.')).toEqual(['suzuki']);
    expect(ids('Ichiro Suzuki retired.')).toEqual([]);
    expect(ids('The Dubai-based Emirates, announced an order on Wednesday.')).toEqual(['emirates']);
    expect(ids('He flew over the Emirates last year.')).toEqual([]);
  });
  it('reads a verb after an adverb or "has been", and a name after a month', () => {
    expect(ids('He said Amazon quietly acquired a startup.')).toEqual(['amazon']);
    expect(ids('Since then Apple has been dealing with complaints.')).toEqual(['apple']);
    expect(ids('In September Amazon announced new devices.')).toEqual(['amazon']);
  });
  it('does not take X as a close button or among letters across lines', () => {
    expect(ids(' X ')).toEqual([]);
    expect(ids('W |\n   X |\n   Y')).toEqual([]);
    expect(ids('Twitter, now X, said it would appeal.')).toEqual(['x-corp', 'x-corp']);
  });
  it('takes platforms written in lower case in share bars, not other names in lower case', () => {
    expect(spans('Share: facebook twitter')).toEqual(['facebook', 'twitter']);
    expect(ids('#facebook and @facebook')).toEqual([]);
    expect(ids('the bedrock of the market')).toEqual([]);
  });
  it('finds whole-word names and prefers the longest', () => {
    expect(ids('OpenAI signed a deal with Amazon Web Services, not Google Cloud or Google.')).toEqual([
      'openai', 'amazon-web-services', 'google-cloud', 'google',
    ]);
  });
  it('finds names after quotes, brackets and signs, and at the very start', () => {
    expect(spans('Nvidia, “Microsoft”, ‘OpenAI’, (Google), $NVDA, «Nvidia», $$Microsoft')).toEqual([
      'Nvidia', 'Microsoft', 'OpenAI', 'Google', '$NVDA', 'Nvidia', 'Microsoft',
    ]);
  });
  it('ignores names inside other words', () => {
    expect(ids('Googleplex and Microsofty and nvidiaX are not names')).toEqual([]);
  });
  it('handles possessives, hyphenated compounds, curly apostrophes and case', () => {
    expect(spans('Nvidia’s chips, Google\'s cloud, an Amazon-owned unit, OPENAI headline')).toEqual([
      'Nvidia', 'Google', 'Amazon', 'OPENAI',
    ]);
  });
  it('matches across line breaks, non-breaking spaces and soft hyphens', () => {
    expect(ids('Amazon\n   Web Services')).toEqual(['amazon-web-services']);
    expect(ids('Amazon\u00a0Web Services')).toEqual(['amazon-web-services']);
    expect(ids('Micro\u00adsoft')).toEqual(['microsoft']);
  });
  it('folds accents', () => {
    expect(ids("L'Oreal and L’Oréal")).toEqual(['l-oreal', 'l-oreal']);
  });
  it('folds only accents: Hangul syllables and kana stay whole', () => {
    const m = buildMatcher([company('samsung', 'Samsung', { aliases: ['삼성전자'] }), company('sony', 'Sony', { aliases: ['ソニー'] })]);
    const names = (text: string) => scanText(m, text).map((r) => text.slice(r.start, r.end));
    expect(names('삼성전자 발표, 상선전자 발표, ソニー, ゾニー')).toEqual(['삼성전자', 'ソニー']);
  });
  it('finds tickers in the forms news uses', () => {
    expect(spans('Microsoft (NASDAQ: MSFT) and NYSE:ORCL and $NVDA rose')).toEqual([
      'Microsoft', 'NASDAQ: MSFT', 'NYSE:ORCL', '$NVDA',
    ]);
    expect(ids('the $nvda cashtag in lower case is not a ticker')).toEqual([]);
  });
  it('does not take a name written with capitals when the text has it all in lower case', () => {
    expect(ids('see openai.example and google-cloud docs, nvidia drivers')).toEqual([]);
    expect(ids('OPENAI AND NVIDIA SIGN A DEAL')).toEqual(['openai', 'nvidia']);
    // A name that is lower case itself is found as written.
    const lower = buildMatcher([company('bitly', 'bitly')]);
    expect(matchCompanies(lower, 'Links went through bitly for years.').map((x) => x.companyId)).toEqual(['bitly']);
  });
  it('takes short acronyms only as written', () => {
    expect(ids('AWS and GCP compete')).toEqual(['amazon-web-services', 'google-cloud']);
    expect(ids('the aws of a fly')).toEqual([]);
  });
  it('needs the right case and a business context for ambiguous names', () => {
    expect(ids('I baked an apple pie.')).toEqual([]);
    expect(ids('Apple pie is a classic dessert.')).toEqual([]);
    expect(ids('We sailed up the Amazon River into the Amazon rainforest.')).toEqual([]);
    expect(ids('Tourists crowded Times Square on Friday.')).toEqual([]);
    expect(ids('Apple reported record revenue for the quarter.')).toEqual(['apple']);
    expect(ids('Amazon and Microsoft compete for cloud customers.')).toEqual(['amazon', 'microsoft']);
    expect(ids('Oracle Corp. said on Tuesday')).toEqual(['oracle']);
  });
  it('does not take X in product names', () => {
    expect(ids('The Xbox One X is a console.')).toEqual([]);
  });
});

describe('word starts', () => {
  // The scanner finds word starts with plain character ranges and tables; Unicode's own classes
  // are the reference. Every code unit of the BMP, before a name and after one.
  const word = /[\p{L}\p{N}\p{M}\u00ad\u200b-\u200d\u2060\ufeff]/u;
  const microsoft = buildMatcher([company('microsoft', 'Microsoft')]);
  const found = (text: string) => scanText(microsoft, text).map((r) => text.slice(r.start, r.end));
  it('agree with Unicode letters, digits and marks for every character before a name', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const expected = word.test(ch) ? [] : ['Microsoft'];
      if (JSON.stringify(found(`${ch}Microsoft`)) !== JSON.stringify(expected)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });
  it('see an astral letter as part of the word', () => {
    expect(found('\u{1d400}Microsoft')).toEqual([]);
    expect(found('\u{1f600}Microsoft')).toEqual([]);
  });
});

describe('serializeMatcher', () => {
  it('round-trips to an identical matcher', () => {
    const bytes = serializeMatcher(m);
    const back = deserializeMatcher(bytes);
    const text = 'OpenAI runs on Microsoft and Amazon Web Services (NASDAQ: AMZN).';
    expect(matchCompanies(back, text)).toEqual(matchCompanies(m, text));
    expect(Array.from({ length: back.companyCount }, (_, i) => back.companyIdAt(i))).toEqual(companies.map((c) => c.id));
  });
  it('keeps every array and every name exactly, non-ASCII names too', () => {
    const more = buildMatcher([
      ...companies,
      company('nestle', 'Nestlé', { aliases: ['Nestlé S.A.'] }),
      company('samsung', 'Samsung', { aliases: ['삼성전자'] }),
      company('sony', 'Sony', { aliases: ['ソニー', 'Sony Group 𝔖'], ambiguous: ['Sony Group 𝔖'] }),
    ]);
    const back = deserializeMatcher(serializeMatcher(more));
    for (const key of ['first', 'label', 'out', 'entryCompany', 'entryFlags', 'rootChild'] as const) {
      expect(Array.from(back[key]), key).toEqual(Array.from(more[key]));
    }
    const names = (x: typeof more) => Array.from({ length: x.entryCompany.length }, (_, i) => x.patternAt(i));
    expect(names(back)).toEqual(names(more));
    expect(names(back)).toContain('Sony Group 𝔖');
  });
  it('stores a small trie in 16-bit arrays and a large one in 32-bit arrays, with the same matches', () => {
    const small = deserializeMatcher(serializeMatcher(m));
    expect(small.first).toBeInstanceOf(Uint16Array);
    expect(small.out).toBeInstanceOf(Int16Array);
    // 9,000 names of 12 random letters: over 65,535 trie nodes.
    const random = seededRandom(7);
    const word = () => Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
    const many = Array.from({ length: 9000 }, (_, i) => company(`c${i}`, `${word()} Labs`));
    const large = buildMatcher(many);
    expect(large.out.length).toBeGreaterThan(0xffff);
    const back = deserializeMatcher(serializeMatcher(large));
    expect(back.first).toBeInstanceOf(Uint32Array);
    expect(back.out).toBeInstanceOf(Int32Array);
    for (const key of ['first', 'label', 'out', 'entryCompany', 'entryFlags'] as const) {
      expect(Array.from(back[key]), key).toEqual(Array.from(large[key]));
    }
    const text = `Deals: ${many[8999].name}, ${many[4500].name}'s unit, and ${many[0].name.toUpperCase()}.`;
    expect(matchCompanies(back, text).map((x) => x.companyId)).toEqual(['c8999', 'c4500', 'c0']);
  });
  it('rejects bytes that are not a matcher', () => {
    expect(() => deserializeMatcher(new Uint8Array(64))).toThrow(/matcher/);
  });
});

describe('ambiguous names in a business page', () => {
  it('still reads the other sense from the sentence around it', () => {
    const text =
      'OpenAI, Microsoft and Google signed deals. Amazon invested in Anthropic. ' +
      'Elsewhere, an apple is just a fruit, and the Amazon is a river that runs through a rainforest.';
    expect(ids(text).filter((id) => id === 'amazon')).toHaveLength(1);
    expect(ids(text)).not.toContain('apple');
  });
});

describe('compileMatcher', () => {
  it('keeps the stricter flags when two names of a company fold alike', () => {
    const m2 = buildMatcher([company('hermes', 'Hermès', { aliases: ['Hermes'], ambiguous: ['Hermes'] })]);
    expect(matchCompanies(m2, 'Hermes was the messenger of the gods.')).toEqual([]);
    expect(matchCompanies(m2, 'Hermès Inc. reported higher revenue.').map((x) => x.companyId)).toEqual(['hermes']);
  });
});
