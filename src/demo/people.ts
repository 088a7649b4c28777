/**
 * Deterministic demo customers for Good Egg Energy: customer i depends only on (seed, i), so any
 * slice can be generated on its own. No clock, no Math.random.
 */
import { random as seededRandom } from './usage.js'

export interface DemoCustomer {
  readonly index: number
  readonly kind: 'person' | 'business'
  readonly title?: 'Mr' | 'Mrs' | 'Ms' | 'Miss' | 'Dr'
  readonly givenName?: string
  readonly familyName?: string
  readonly businessName?: string
  readonly displayName: string
  readonly emails: { address: string; primary: boolean }[]
  readonly phones: { number: string; label: 'mobile' | 'home' | 'work'; primary: boolean }[]
  readonly property: { line1: string; line2?: string; town: string; postcode: string; gspRegion: string }
  readonly billingAddress: { line1: string; line2?: string; town: string; postcode: string } | null
  readonly billingMode: 'paperless' | 'paper'
}

function mix(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
  return (h ^ (h >>> 16)) >>> 0
}

const givenNames = [
  'Oliver',
  'George',
  'Harry',
  'Jack',
  'Noah',
  'Leo',
  'Arthur',
  'Muhammad',
  'Oscar',
  'Charlie',
  'Jacob',
  'Thomas',
  'Henry',
  'William',
  'James',
  'Alfie',
  'Joshua',
  'Freddie',
  'Archie',
  'Ethan',
  'Isaac',
  'Alexander',
  'Joseph',
  'Edward',
  'Samuel',
  'Max',
  'Daniel',
  'Arlo',
  'Lucas',
  'Mohammed',
  'Olivia',
  'Amelia',
  'Isla',
  'Ava',
  'Mia',
  'Ivy',
  'Lily',
  'Isabella',
  'Rosie',
  'Sophia',
  'Grace',
  'Freya',
  'Willow',
  'Florence',
  'Emily',
  'Ella',
  'Poppy',
  'Evie',
  'Elsie',
  'Charlotte',
  'Evelyn',
  'Sienna',
  'Sofia',
  'Daisy',
  'Phoebe',
  'Sophie',
  'Alice',
  'Harper',
  'Matilda',
  'Ruby',
  'Margaret',
  'Susan',
  'David',
  'John',
  'Peter',
  'Michael',
  'Paul',
  'Andrew',
  'Stephen',
  'Mark',
  'Sarah',
  'Helen',
  'Claire',
  'Rachel',
  'Catherine',
  'Priya',
  'Aisha',
  'Fatima',
  'Zara',
  'Hannah',
  'Rhys',
  'Owen',
  'Dylan',
  'Cerys',
  'Megan',
  'Callum',
  'Fraser',
  'Eilidh',
  'Niamh',
  'Siobhan',
  'Kwame',
  'Chidi',
  'Ayo',
  'Wei',
  'Mei',
  'Raj',
  'Anil',
  'Sunita',
  'Tomasz',
  'Agnieszka',
]
const familyNames = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Thomas',
  'Clarke',
  'Jackson',
  'Wood',
  'Harris',
  'Edwards',
  'Turner',
  'Martin',
  'Cooper',
  'Hill',
  'Ward',
  'Hughes',
  'Moore',
  'Clark',
  'King',
  'Harrison',
  'Lewis',
  'Baker',
  'Lee',
  'Allen',
  'Morris',
  'Khan',
  'Scott',
  'Watson',
  'Davis',
  'Parker',
  'James',
  'Bennett',
  'Young',
  'Phillips',
  'Richardson',
  'Mitchell',
  'Bailey',
  'Carter',
  'Cook',
  'Singh',
  'Shaw',
  'Bell',
  'Collins',
  'Morgan',
  'Kelly',
  'Begum',
  'Miller',
  'Cox',
  'Hussain',
  'Marshall',
  'Simpson',
  'Price',
  'Anderson',
  'Adams',
  'Wilkinson',
  'Ali',
  'Ahmed',
  'Foster',
  'Ellis',
  'Murphy',
  'Chapman',
  'Mason',
  'Gray',
  'Richards',
  'Webb',
  'Griffiths',
  'Hunt',
  'Palmer',
  'Campbell',
  'Holmes',
  'Mills',
  'Rogers',
  'Barnes',
  'Knight',
  'Matthews',
  'Barker',
  'Powell',
  'Stevens',
  'Kaur',
  'Fisher',
  'Butler',
  'Dixon',
  'Russell',
  'Harvey',
  'Pearson',
  'Graham',
  'Fletcher',
  'Featherstone',
  'Okafor',
  'Nowak',
  'Chen',
  'Nguyen',
  'MacDonald',
  'Fraser',
  'Reid',
  'Murray',
  'Stewart',
  'Paterson',
  'Llewellyn',
  'Pritchard',
  'Vaughan',
  'Whitlock',
  'Pemberton',
  'Oyelaran',
  'Kowalski',
  'Sharma',
]
const streets = [
  'High Street',
  'Station Road',
  'Main Street',
  'Park Road',
  'Church Road',
  'Church Street',
  'London Road',
  'Victoria Road',
  'Green Lane',
  'Manor Road',
  'Church Lane',
  'Park Avenue',
  'The Avenue',
  'The Crescent',
  'Queens Road',
  'New Road',
  'Grange Road',
  'Kings Road',
  'Kingsway',
  'Windsor Road',
  'Highfield Road',
  'Mill Road',
  'Alexandra Road',
  'York Road',
  'St Johns Road',
  'Main Road',
  'Broadway',
  'King Street',
  'The Green',
  'Springfield Road',
  'George Street',
  'Park Lane',
  'Victoria Street',
  'Albert Road',
  'Queensway',
  'New Street',
  'Queen Street',
  'West Street',
  'North Street',
  'Manchester Road',
  'The Drive',
  'Richmond Road',
  'Grove Road',
  'South Street',
  'School Lane',
  'The Grove',
  'Chestnut Close',
  'Willow Way',
  'Orchard Gardens',
  'Meadow Drive',
  'Beech Avenue',
  'Oak Crescent',
  'Mill Lane',
  'Elm Grove',
  'Holly Close',
  'Rowan Way',
  'Cedar Drive',
  'Ash Grove',
  'Hawthorn Road',
  'Heather Close',
]
const businessWords = [
  ['Harrow', 'Finch', 'Bakery'],
  ['Riverside', 'Oak', 'Dental Practice'],
  ['Northgate', 'Vale', 'Garage'],
  ['Bramble', 'Hart', 'Florist'],
  ['Copper', 'Kettle', 'Cafe'],
  ['Saltmarsh', 'Reed', 'Joinery'],
  ['Kestrel', 'Moor', 'Vets'],
  ['Pennine', 'Stone', 'Builders'],
] as const

/** Outward codes per GSP region, with a town each. */
const regionTowns: Record<string, [string, string[]][]> = {
  _A: [
    ['Cambridge', ['CB1', 'CB2', 'CB4']],
    ['Norwich', ['NR1', 'NR2', 'NR3']],
    ['Ipswich', ['IP1', 'IP4']],
    ['Colchester', ['CO1', 'CO3']],
    ['Chelmsford', ['CM1', 'CM2']],
  ],
  _B: [
    ['Nottingham', ['NG1', 'NG5', 'NG7']],
    ['Leicester', ['LE1', 'LE2', 'LE4']],
    ['Derby', ['DE1', 'DE22']],
    ['Lincoln', ['LN1', 'LN2']],
    ['Northampton', ['NN1', 'NN3']],
  ],
  _C: [['London', ['SW9', 'SE15', 'E17', 'N16', 'NW5', 'W12', 'E8', 'SW11', 'N1', 'SE22']]],
  _D: [
    ['Liverpool', ['L8', 'L15', 'L17', 'L18']],
    ['Chester', ['CH1', 'CH2']],
    ['Wrexham', ['LL11', 'LL13']],
    ['Bangor', ['LL57']],
  ],
  _E: [
    ['Birmingham', ['B13', 'B15', 'B29', 'B30']],
    ['Coventry', ['CV1', 'CV3', 'CV5']],
    ['Wolverhampton', ['WV1', 'WV3']],
    ['Worcester', ['WR1', 'WR5']],
    ['Stoke-on-Trent', ['ST4', 'ST6']],
  ],
  _F: [
    ['Newcastle upon Tyne', ['NE1', 'NE2', 'NE6']],
    ['Sunderland', ['SR1', 'SR2']],
    ['Durham', ['DH1']],
    ['Middlesbrough', ['TS1', 'TS5']],
  ],
  _G: [
    ['Manchester', ['M14', 'M20', 'M21', 'M4']],
    ['Preston', ['PR1', 'PR2']],
    ['Bolton', ['BL1', 'BL3']],
    ['Lancaster', ['LA1']],
    ['Carlisle', ['CA1', 'CA2']],
  ],
  _H: [
    ['Oxford', ['OX1', 'OX4']],
    ['Reading', ['RG1', 'RG30']],
    ['Southampton', ['SO14', 'SO15', 'SO17']],
    ['Portsmouth', ['PO1', 'PO4']],
    ['Swindon', ['SN1', 'SN2']],
  ],
  _J: [
    ['Brighton', ['BN1', 'BN2', 'BN3']],
    ['Canterbury', ['CT1', 'CT2']],
    ['Maidstone', ['ME14', 'ME15']],
    ['Guildford', ['GU1', 'GU2']],
    ['Hastings', ['TN34']],
  ],
  _K: [
    ['Cardiff', ['CF10', 'CF11', 'CF14', 'CF24']],
    ['Swansea', ['SA1', 'SA2']],
    ['Newport', ['NP19', 'NP20']],
  ],
  _L: [
    ['Bristol', ['BS1', 'BS3', 'BS6', 'BS7']],
    ['Exeter', ['EX1', 'EX4']],
    ['Plymouth', ['PL1', 'PL4']],
    ['Bath', ['BA1', 'BA2']],
    ['Truro', ['TR1']],
  ],
  _M: [
    ['Leeds', ['LS1', 'LS6', 'LS8']],
    ['Sheffield', ['S1', 'S7', 'S11']],
    ['York', ['YO1', 'YO10', 'YO31']],
    ['Hull', ['HU1', 'HU5']],
    ['Bradford', ['BD1', 'BD7']],
  ],
  _N: [
    ['Edinburgh', ['EH1', 'EH6', 'EH9', 'EH10']],
    ['Glasgow', ['G3', 'G12', 'G41']],
    ['Dumfries', ['DG1']],
    ['Ayr', ['KA7']],
  ],
  _P: [
    ['Aberdeen', ['AB10', 'AB11', 'AB24']],
    ['Inverness', ['IV2', 'IV3']],
    ['Perth', ['PH1', 'PH2']],
    ['Dundee', ['DD1', 'DD2']],
  ],
}
const regionCodes = Object.keys(regionTowns)
/** Rough share of customers per region (by population), in per-mille. */
const regionWeights = [95, 80, 130, 45, 80, 40, 85, 75, 85, 35, 55, 75, 65, 55]

const geographicPrefixes = [
  '01632 960',
  '020 7946 0',
  '0113 496 0',
  '0114 496 0',
  '0115 496 0',
  '0116 496 0',
  '0117 496 0',
  '0118 496 0',
  '0121 496 0',
  '0131 496 0',
  '0141 496 0',
  '0151 496 0',
  '0161 496 0',
  '0191 498 0',
]
const inwardLetters = 'ABDEFGHJLNPQRSTUWXYZ'

function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

function pickRegion(random: () => number, index: number): string {
  // The first 14 customers after the fixed one cover every region; the rest follow the weights.
  if (index >= 1 && index <= regionCodes.length) return regionCodes[index - 1] ?? '_C'
  let roll = random() * regionWeights.reduce((a, b) => a + b, 0)
  for (let i = 0; i < regionCodes.length; i++) {
    roll -= regionWeights[i] ?? 0
    if (roll < 0) return regionCodes[i] ?? '_C'
  }
  return '_C'
}

function address(random: () => number, region: string) {
  const [town, outwards] = pick(random, regionTowns[region] ?? [])
  const outward = pick(random, outwards)
  const inward = `${Math.floor(random() * 10)}${pick(random, [...inwardLetters])}${pick(random, [...inwardLetters])}`
  const number = 1 + Math.floor(random() * 180)
  const flat = random() < 0.12
  const street = pick(random, streets)
  return {
    line1: flat ? `Flat ${1 + Math.floor(random() * 12)}, ${number} ${street}` : `${number} ${street}`,
    town,
    postcode: `${outward} ${inward}`,
  }
}

function digits(random: () => number, count: number): string {
  let out = ''
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10)
  return out
}

/** One demo customer; index 0 is always Mrs Eleanor Ashworth of 14 Mill Lane, Cambridge. */
export function generateCustomer({ seed, index }: { seed: number; index: number }): DemoCustomer {
  if (index === 0) {
    return {
      index,
      kind: 'person',
      title: 'Mrs',
      givenName: 'Eleanor',
      familyName: 'Ashworth',
      displayName: 'Eleanor Ashworth',
      emails: [{ address: 'eleanor.ashworth@example.com', primary: true }],
      phones: [{ number: '07700 900123', label: 'mobile', primary: true }],
      property: { line1: '14 Mill Lane', town: 'Cambridge', postcode: 'CB1 2AB', gspRegion: '_A' },
      billingAddress: null,
      billingMode: 'paperless',
    }
  }
  const random = seededRandom(mix(seed, index))
  const region = pickRegion(random, index)
  const property = { ...address(random, region), gspRegion: region }
  const billingAddress = random() < 0.05 ? address(random, pick(random, regionCodes)) : null
  const billingMode = random() < 0.78 ? 'paperless' : 'paper'
  const domain = pick(random, ['example.com', 'example.co.uk', 'example.org'])
  const mobile = `07700 900${digits(random, 3)}`
  if (random() < 0.08) {
    const [a, b, trade] = pick(random, businessWords)
    const businessName = `${a} & ${b} ${trade} ${pick(random, ['Ltd', 'LLP', 'Ltd', 'Co'])}`
    return {
      index,
      kind: 'business',
      businessName,
      displayName: businessName,
      emails: [{ address: `accounts.${index}@${a.toLowerCase()}${b.toLowerCase()}.${domain}`, primary: true }],
      phones: [{ number: `${pick(random, geographicPrefixes)}${digits(random, 3)}`, label: 'work', primary: true }],
      property,
      billingAddress,
      billingMode,
    }
  }
  const givenName = pick(random, givenNames)
  const familyName = pick(random, familyNames)
  const title = pick(random, ['Mr', 'Mrs', 'Ms', 'Miss', 'Dr'] as const)
  const phones: DemoCustomer['phones'] = [{ number: mobile, label: 'mobile', primary: true }]
  if (random() < 0.35)
    phones.push({ number: `${pick(random, geographicPrefixes)}${digits(random, 3)}`, label: 'home', primary: false })
  const emails = [
    {
      address: `${givenName}.${familyName}${index}@${domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
      primary: true,
    },
  ]
  if (random() < 0.1)
    emails.push({
      address: `${givenName[0]}${familyName}.${index}@example.net`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
      primary: false,
    })
  return {
    index,
    kind: 'person',
    title,
    givenName,
    familyName,
    displayName: `${givenName} ${familyName}`,
    emails,
    phones,
    property,
    billingAddress,
    billingMode,
  }
}

/** Customers `from` … `from + count - 1`. */
export function* generateCustomers({ seed, from, count }: { seed: number; from: number; count: number }) {
  for (let index = from; index < from + count; index++) yield generateCustomer({ seed, index })
}

/**
 * A unique account number for every index below 2^32: a bijective mix (xor-shift-multiply rounds,
 * each invertible) of the index, so distinct indices give distinct numbers.
 */
export function demoAccountNumber({ seed, index }: { seed: number; index: number }): string {
  let h = (index ^ mix(seed, 0x5eed)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0
  h = (h ^ (h >>> 16)) >>> 0
  return `A-${h.toString(16).toUpperCase().padStart(8, '0')}`
}
