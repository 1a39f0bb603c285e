/**
 * The cue words `context.ts` reads around ambiguous names (Apple, Amazon, Square, X...). These lists
 * are deliberately short and readable; the labelled sentences in test/unit/fixtures and the
 * labelled page set decide whether a change to them is an improvement.
 */
export const BUSINESS_WORDS = wordSet(`
  ceo cfo cto chief executive founder cofounder co-founder company companies firm startup start-up
  startups shares share stock stocks investors investor investment invested invests funding raised
  valuation ipo revenue revenues profit earnings quarter quarterly billion million trillion
  acquisition acquired acquire acquires merger deal deals contract partnership partnered cloud
  data center datacenter chips chip ai software app apps platform platforms launched launches
  announced announces unveiled customers users subscribers market markets analysts antitrust
  regulators lawsuit sued employees layoffs hiring tech technology device devices smartphone
  iphone ipad mac android browser servers gpu gpus model models subsidiary brand brands product
  products services service retailer retail e-commerce ecommerce inc corp corporation ltd llc plc
  nasdaq nyse spokesperson spokeswoman spokesman executives shareholders staff jobs job cuts sales
  sold forecast outlook estimates guidance stores shoppers payments payment pay outage memo
  bookings listing listed valuation fees fee prices price buyback dividend margins advertisers
  advertising ads carriers airline airlines flights refining oil gas royalty royalties licensing
  licence license round series seed stake profits sales enterprise passengers cancellations
  accounts
`);

/** A cue list written as one space-separated string. */
const wordList = (s: string) => s.split(' ');
/** A set of cue words written as free text (any spacing). */
function wordSet(text: string): Set<string> {
  return new Set(text.trim().split(/\s+/));
}
/** Company suffixes after a name (as written): "Oracle Corp.", "Block, Inc.". */
export const SUFFIX = wordList('Inc Corp Corporation Ltd LLC plc PLC Co. Group Holdings');

/** Words that, right after an ambiguous name (any case), say it is not the company. */
export const NOT_AFTER: Record<string, string[]> = {
  amazon: [...wordList('rainforest river basin jungle region forest tribe tribes delta warrior warriors women parrot'), 'rain forest'],
  apple: wordList('pie pies juice tree trees orchard orchards cider sauce seed seeds crumble tart cake picking blossom grower growers'),
  square: wordList('feet foot meters metres miles mile kilometers kilometres inch inches yards root one dancing dance'),
  target: wordList('audience audiences market date price prices range group groups area areas practice'),
  delta: wordList('variant region wave force'),
  shell: wordList('script scripts game company companies shock'),
  box: ['office'],
  // Labelled as the processor architecture, not the company: "Arm processors", "Arm cores".
  arm: wordList('processor processors core cores architecture chip chips cpu cpus instruction'),
  magic: ['quadrant'],
  beats: ['per'],
  // "Vice President Biden", "a vice-chair": a title, not Vice Media.
  vice: wordList('president presidents chair chairs chairman chairwoman chairperson admiral principal chancellor premier minister mayor versa captain provost dean governor marshal'),
  deputy: wordList('director minister mayor governor chief editor head secretary commissioner sheriff prime'),
  switch: wordList('to from between off'),
};

/**
 * A name that means something else on a page that names this company: "the original Switch" on a
 * page about Nintendo is the console; "the RTX 2060" beside Nvidia is a graphics card.
 */
export const OTHER_SENSE_ON_PAGE: Record<string, string[]> = {
  switch: ['nintendo'],
  rtx: ['nvidia'],
  // Set by "Raspberry Pi 3", "Raspberry Pi Zero": the page is about the computer.
  'raspberry pi': ['raspberry pi computer'],
};
/** A model after these names puts their other sense on the page ("Raspberry Pi 4": the computer). */
export const MODEL_SENSE: Record<string, string> = { 'raspberry pi': 'raspberry pi computer' };
export const MODEL_WORDS = wordList('Zero Pico Model');

/** After a name, a suffix that makes it a description: "a Matrix-like system", "Uber-style apps". */
export const LIKE_SUFFIXES = ['-like', '-style', '-esque', '-type', '-inspired'];

/** US states and Canadian provinces: "Kodiak, Alaska" is a town, whatever company shares its name. */
export const STATES = new Set(wordList('Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming Alberta Ontario Quebec Manitoba Saskatchewan Calif. Fla. Ill. Mass. Mich. Minn. Tenn. Wash. Wis. Ariz. Colo. Conn. Ore. Pa. Ky. Ala.'));
/** The names OTHER_SENSE_ON_PAGE listens for. */
export const SENSE_NAMES = new Set(Object.values(OTHER_SENSE_ON_PAGE).flat());

/** Ambiguous names that are also verbs: after "to" in a Title Case headline they are the verb ("on Track to Zoom Past Earth"). */
export const VERB_NAMES = new Set(wordList('zoom square block switch target shell snap slack box ring sprout chime bumble'));

/**
 * Words after a publisher's name that make it an index or a ranking (policy: not a mention):
 * "Fortune 500", "Nasdaq 100", "Dow Jones Industrial Average", "Nasdaq Composite".
 */
export const INDEX_PUBLISHERS = new Set(['billboard', 'fortune', 'nasdaq', 'ftse', 'russell', 'nikkei', 'forbes', 's&p', 'stoxx', 'dow jones', 'kospi', 'hang seng']);
export const INDEX_WORDS_AFTER = [
  'Industrial Average', 'Transportation Average', 'Utility Average', 'Composite', 'Composite Index',
  'Global 500', 'Global 2000', 'Index', 'index', 'futures',
];
/** Words right after any ambiguous name that make it a spacecraft or a mission: "the Galileo spacecraft", "Apollo moon rocks". */
export const MISSION_WORDS = wordList('spacecraft mission missions probe rover telescope lander orbiter moon lunar astronaut astronauts');

/** Words in the same sentence (any case) that give a name its ordinary sense ("the Amazon is a river"). */
export const OTHER_SENSE_NEARBY: Record<string, string[]> = {
  amazon: [...wordList("river rainforest jungle basin tribe tribes indigenous deforestation brazil's peru's"), 'rain forest'],
  apple: wordList('fruit fruits pie orchard orchards cider juice apples baked bake peel eat ate'),
  oracle: wordList('delphi prophecy prophet ancient greek omaha'),
  square: [...wordList('plaza feet metres meters kilometres kilometers'), 'town square', 'city square', 'public square'],
  shell: wordList('beach turtle snail egg oyster crab'),
  delta: wordList('river mekong nile mississippi estuary marsh variant'),
  nikkei: wordList('index futures average points 225'),
  switch: [...wordList('nintendo pokemon pokémon console consoles joy-con mario zelda gaming gamers game games indie port ports playstation xbox ps4 ps5 steam'), 'video game', 'video games'],
  lambda: wordList('aws function functions serverless lambdas calculus'),
  rpc: wordList('interface interfaces request requests call calls failure failures server servers client clients protocol grpc api endpoint'),
  fetch: wordList('api apis interface interfaces request requests response responses stream streams javascript browser'),
};

/**
 * The maker's own product lines and words for its customers: "Apple Watch", "an Apple device",
 * "Amazon Prime". By the product-name rule the maker's part is a company mention.
 */
export const MAKER_PRODUCTS: Record<string, string[]> = {
  hp: wordList('Spectre Envy Pavilion EliteBook Elite ProBook ZBook Omen Victus Chromebook LaserJet OfficeJet DeskJet Instant Sprocket laptop laptops printer printers PC PCs'),
  ring: [...wordList('Doorbell doorbell doorbells camera cameras security Alarm Floodlight Spotlight'), 'Indoor Cam', 'Stick Up Cam', 'Video Doorbell'],
  apple: wordList('Watch TV Music Pay iPad iPhone Mac MacBook iMac AirPods Store Arcade Card Vision Pencil Maps News Intelligence Silicon HomePod device devices users fans products stores'),
  amazon: [...wordList('Prime Echo Alexa Music Kindle Fire Fresh Basics Go Key Luna Pharmacy Ads shoppers sellers warehouse warehouses'), 'Web Services'],
};

/**
 * The maker's own products named anywhere in the sentence: "Amazon gets closer to getting Alexa
 * everywhere". Only names no one else uses.
 */
export const MAKER_PRODUCTS_NEARBY: Record<string, string[]> = {
  apple: wordList('iPhone iPhones iPad iPads iPod AirPods MacBook MacBooks iMac iOS macOS watchOS visionOS Siri FaceTime iCloud'),
  amazon: wordList('Alexa Kindle AWS'),
};

/** What right after a name (as written) gives it another sense: "EE. UU." is Spanish for the United States. */
export const NOT_FOLLOWED_BY: Record<string, string[]> = {
  ee: ['. UU', '.UU'],
};

/** Words before a name that give it its other sense: "a lithium UPS" is a power supply. */
export const NOT_BEFORE_NAME: Record<string, string[]> = {
  ups: wordList('lithium battery backup rackmount online line-interactive'),
  box: wordList('p.o. po'),
  writer: wordList('staff sports senior contributing guest freelance ap science technology tech'),
};

/** Capitalised words that may follow a company's name without making it part of a longer name ("Apple CEO"). */
export const AFTER_NAME_OK = new Set(wordList('CEO CFO CTO COO CMO CPO Chief President Chairman Chairwoman Founder Inc Corp Corporation Co Ltd LLC PLC Group Holdings'));

/** The words before (as written), for names that are also parts of place names and product names. */
export const NOT_BEFORE = [
  ...wordList('Times Red Union Washington Tiananmen Trafalgar One Series Big Mekong Nile Mississippi Peruvian Brazilian Hong'),
  ...wordList('Generation Project Planet Malcolm Gen Chief planet Our Your My'),
  'Wheel of',
  'the letter',
];

/**
 * Verbs that make a name at the start of a sentence the subject of a business sentence.
 * Strong ones are enough on their own ("Block cut 1,000 jobs"); weak ones also need a business
 * word nearby ("Apple fell 2%" yes, "Acorns fell from the trees" no).
 */
export const STRONG_VERBS = wordSet(`
  said says reported announced announces unveiled unveils launched launches acquired acquires
  agreed agrees signed raised sued hired priced released introduced introduces partnered invested
  invests planned cut posted delivered named confirmed denied declined disclosed discloses settled
  filed licensed laid debuted expanded recalled shipped topped beat missed told wrote owns
  acquiring buying selling removed banned suspended restricted struck
`);
// Weak verbs include nouns too ("Neon signs", "Sharp declines"): only with a business word nearby.
export const WEAK_VERBS = wordSet(`
  rose fell gained lost jumped dropped slid plunged soared surged climbed sank tumbled rallied
  slipped added won opened closed led joined bought sold doubled tripled halved expects expected
  grew makes made sells offers offered builds built runs ran spent spends paid pays employs
  employed reached hit became provides reports signs raises sues hires prices releases partners
  plans cuts posts delivers names confirms denies declines settles files licenses debuts expands
  recalls ships tops beats misses tells writes
`);
/** After "is", "will", "has"...: the verb that follows decides ("Target will close stores", not "Time will tell"). */
export const AUXILIARIES = new Set('is was has had will would could may might plans aims wants hopes'.split(' '));
export const BASE_VERBS = wordSet(`
  buy sell cut close open launch invest acquire raise pay spend build offer release hire list
  carry move report announce expand add start stop begin shut sue appeal partner host supply use
  unveil sign become been bought sold cut closed opened launched invested acquired raised paid
  spent built offered released hired listed moved reported announced expanded added started
  stopped shut sued signed agreed lost won grown fallen risen
`);
export const PASSIVE_BUSINESS = new Set('investigated probed fined valued courted targeted sold bought'.split(' '));
export const NOT_BUSINESS_ING = new Set('being going running getting coming having doing'.split(' '));
/** Nouns that, right after a name, make it a company: "Uber drivers", "Oracle co-founder", "Snap shares". */
export const ROLE_NOUNS = wordSet(`
  shares share stock stake chief ceo cfo cto coo president founder founders co-founder cofounder
  executive executives employees staff workers drivers users customers shareholders spokesperson
  spokeswoman spokesman rival rivals supplier suppliers maker unit division subsidiary board boss
  sellers merchants engineers researchers chairman chairwoman owner owners investor analysts
  shareholder dealership dealerships factory factories plant plants headquarters campus warehouse
  warehouses cargo ship ships vessel vessels fleet jet jets plane planes flight flights
`);
/** After these, a capitalised name is the ordinary word or a longer proper noun: "the Amazon", "an X". */
export const DETERMINERS = new Set(['the', 'a', 'an']);
/** Sentence-initial words that are not part of a name before an ambiguous one. */
export const FUNCTION_WORDS = wordSet(`
  the a an in at on for but and or when after before as if while with by from to of that this
  these those why how what where who it its his her their our we i you they he she then so also
  still yet only even like unlike including than via about into over under against between
  without within across through toward towards upon amid among per
`);
/** Lower-case words after "Name-" that make a business compound: "Amazon-owned", "Google-backed". */
export const HYPHEN_COMPOUND = wordList(
  'owned backed funded led based made built designed branded powered run operated controlled affiliated supported ' +
    'sponsored linked related focused specific exclusive compatible style like only listed hosted',
);

/**
 * Platforms whose names are written in lower case in share bars and link lists ("facebook",
 * "twitter" under an article): no other sense in news, so the lower-case spelling still counts.
 */
export const LOWERCASE_PLATFORMS = new Set([
  'facebook', 'twitter', 'youtube', 'instagram', 'linkedin', 'pinterest', 'whatsapp', 'tiktok', 'reddit',
  'snapchat', 'tumblr', 'flickr', 'vimeo', 'github', 'spotify', 'soundcloud',
]);

/**
 * Buildings and venues named after a company ("Bank of America Tower", "Chase Center", "Apple
 * Park"): a place, not a mention of the company (docs/detection.md).
 */
export const PLACE_AFTER_NAME = new Set(wordList(
  'Tower Towers Building Center Centre Plaza Stadium Arena Field Park Theatre Theater Pavilion Amphitheatre Amphitheater Ballpark Dome Coliseum Speedway',
));

/**
 * Months: no part of a proper noun after them ("In September Amazon announced"). Not weekdays
 * ("Black Friday Switch"), nor May and March, which are also other words.
 */
export const DATE_WORDS = new Set('january february april june july august september october november december'.split(' '));
