/**
 * Which electricity GSP group (tariff region, `_A`…`_P`) a postcode is in, like Octopus Energy's
 * `GET /v1/industry/grid-supply-points/?postcode=…`: one region when the postcode is unambiguous, several
 * (most likely first) when it is not, none when it is not a Great Britain postcode.
 *
 * The mapping is by postcode AREA (the leading letters) and, where an area spans regions, by DISTRICT (the
 * outward code). It is not by address: the boundary between distribution areas follows the old Area Board
 * boundaries, not postcodes, so a district on a boundary can hold properties in either region, and a property's
 * real GSP group is the one its MPAN is registered under. Treat the answer as a good guess for quotes; confirm it
 * from the MPAN (`GET /v1/electricity-meter-points/{mpan}/` or an industry lookup, ECOES) before billing, and
 * always for edge cases (boundary districts, Scottish islands, new-build estates on independent networks).
 *
 * Sources: the 14 distribution licence areas (Ofgem; ENA map of DNO areas) as they fall across postcode areas,
 * cross-checked district by district against a public district → GSP group table (one sample per district:
 * github.com/rurigrass/energy-calculator-2, src/data/RegionByPostcode.js). The district refinements below come
 * from that table and are unverified by an industry lookup. Where the sources disagree or a district is not
 * listed, every candidate region for the area is returned.
 */

import type { GspCode } from './gsp-regions.js'
import { postcodeKey } from './normalise.js'

/**
 * Every GB postcode area with the GSP groups that serve it, most likely first (by number of districts).
 * Northern Ireland (BT), the Channel Islands (GY, JE) and the Isle of Man (IM) are not in GB's GSP groups.
 */
export const postcodeAreaRegions: Readonly<Record<string, readonly GspCode[]>> = Object.freeze({
  AB: ['_P'], // Aberdeen
  AL: ['_A'], // St Albans
  B: ['_E', '_B'], // Birmingham; Tamworth (B77–B79) is East Midlands
  BA: ['_H', '_L'], // Bath (South West); Frome, Warminster, Trowbridge, Yeovil (Southern)
  BB: ['_G', '_M'], // Blackburn; Colne (BB8) is Yorkshire
  BD: ['_M', '_G'], // Bradford; Settle (BD24) is North West
  BH: ['_H'], // Bournemouth
  BL: ['_G'], // Bolton
  BN: ['_J', '_H'], // Brighton; Littlehampton and Arundel (BN17, BN18) are Southern
  BR: ['_J', '_C'], // Bromley
  BS: ['_L'], // Bristol
  CA: ['_G'], // Carlisle
  CB: ['_A'], // Cambridge
  CF: ['_K'], // Cardiff
  CH: ['_D'], // Chester, Wirral, Flintshire
  CM: ['_A'], // Chelmsford
  CO: ['_A'], // Colchester
  CR: ['_J', '_C'], // Croydon
  CT: ['_J'], // Canterbury
  CV: ['_B', '_E'], // Coventry (East Midlands); Stratford and Shipston (CV36, CV37) are West Midlands
  CW: ['_D', '_E'], // Crewe; Congleton (CW12) is West Midlands
  DA: ['_C', '_J'], // Dartford, Bexley
  DD: ['_P'], // Dundee
  DE: ['_B'], // Derby
  DG: ['_N'], // Dumfries
  DH: ['_F'], // Durham
  DL: ['_F'], // Darlington
  DN: ['_M', '_B'], // Doncaster; Brigg, Gainsborough, Retford (DN20–DN22) are East Midlands
  DT: ['_H', '_L'], // Dorchester; Bridport, Lyme Regis, Beaminster (DT6–DT8) are South West
  DY: ['_E'], // Dudley
  E: ['_C', '_A'], // East London; Chingford (E4) is Eastern
  EC: ['_C'], // City of London
  EH: ['_N'], // Edinburgh
  EN: ['_A'], // Enfield
  EX: ['_L'], // Exeter
  FK: ['_N', '_P'], // Falkirk, Stirling; Callander and the Trossachs (FK15–FK21) are North Scotland
  FY: ['_G'], // Blackpool
  G: ['_N', '_P'], // Glasgow; Dumbarton and Helensburgh (G83, G84) are North Scotland
  GL: ['_E'], // Gloucester
  GU: ['_H', '_J'], // Guildford (South East); Farnborough, Aldershot, Farnham, Petersfield (Southern)
  HA: ['_A'], // Harrow
  HD: ['_M'], // Huddersfield
  HG: ['_F'], // Harrogate
  HP: ['_A', '_H'], // Hemel Hempstead, Aylesbury (Eastern); High Wycombe, Beaconsfield (HP9–HP15, Southern)
  HR: ['_E', '_K'], // Hereford; Kington (HR5) is South Wales
  HS: ['_P'], // Outer Hebrides
  HU: ['_M'], // Hull
  HX: ['_M'], // Halifax
  IG: ['_C', '_A'], // Ilford; Loughton (IG10) is Eastern
  IP: ['_A'], // Ipswich
  IV: ['_P'], // Inverness
  KA: ['_N', '_P'], // Kilmarnock; Arran and Cumbrae (KA27, KA28) are North Scotland
  KT: ['_J', '_C'], // Kingston upon Thames
  KW: ['_P'], // Kirkwall
  KY: ['_N', '_P'], // Kirkcaldy; Kinross (KY13) is North Scotland
  L: ['_D', '_G'], // Liverpool; Ormskirk (L40) is North West
  LA: ['_G'], // Lancaster
  LD: ['_K', '_D'], // Llandrindod Wells: South Wales; north Radnorshire (LD6–LD8) borders Merseyside & N Wales
  LE: ['_B'], // Leicester
  LL: ['_D'], // Llandudno
  LN: ['_B', '_M'], // Lincoln; Market Rasen and Caistor (LN7) are Yorkshire
  LS: ['_M'], // Leeds
  LU: ['_A'], // Luton
  M: ['_G'], // Manchester
  ME: ['_J'], // Rochester
  MK: ['_B', '_A'], // Milton Keynes (East Midlands); Bedford (MK40–MK42, MK44, MK45) is Eastern
  ML: ['_N'], // Motherwell
  N: ['_A', '_C'], // North London: Barnet, Enfield, Haringey are Eastern; Islington and Hackney are London
  NE: ['_F'], // Newcastle upon Tyne
  NG: ['_B'], // Nottingham
  NN: ['_B'], // Northampton
  NP: ['_K'], // Newport
  NR: ['_A'], // Norwich
  NW: ['_C', '_A'], // North West London: Camden, Westminster, Brent are London; Barnet is Eastern
  OL: ['_G', '_M'], // Oldham; Todmorden (OL14) is Yorkshire
  OX: ['_H', '_E', '_B'], // Oxford; Banbury, Chipping Norton (OX7, OX15, OX16) West Mids; OX17 East Mids
  PA: ['_P', '_N'], // Paisley, Greenock (PA1–PA19) South Scotland; Argyll and the islands North Scotland
  PE: ['_A', '_B'], // Peterborough, Wisbech, King's Lynn (Eastern); Stamford, Spalding, Boston, Huntingdon (E Mids)
  PH: ['_P'], // Perth
  PL: ['_L'], // Plymouth
  PO: ['_H'], // Portsmouth, Isle of Wight
  PR: ['_G', '_D'], // Preston; Southport (PR8, PR9) is Merseyside
  RG: ['_H'], // Reading
  RH: ['_J', '_H'], // Redhill, Crawley; Billingshurst (RH14) is Southern
  RM: ['_A'], // Romford
  S: ['_M', '_B'], // Sheffield; Chesterfield, Worksop and north Derbyshire are East Midlands
  SA: ['_K'], // Swansea
  SE: ['_C'], // South East London
  SG: ['_A'], // Stevenage
  SK: ['_G'], // Stockport
  SL: ['_H'], // Slough
  SM: ['_J'], // Sutton
  SN: ['_H'], // Swindon
  SO: ['_H'], // Southampton
  SP: ['_H'], // Salisbury
  SR: ['_F'], // Sunderland
  SS: ['_A'], // Southend-on-Sea
  ST: ['_E'], // Stoke-on-Trent
  SW: ['_C'], // South West London
  SY: ['_D', '_E', '_K'], // Shrewsbury (West Mids); Oswestry, Welshpool, Aberystwyth (Mersey & N Wales); Tregaron SY25
  TA: ['_L'], // Taunton
  TD: ['_N'], // Galashiels, Berwick-upon-Tweed
  TF: ['_E'], // Telford
  TN: ['_J'], // Tunbridge Wells
  TQ: ['_L'], // Torquay
  TR: ['_L'], // Truro, Isles of Scilly
  TS: ['_F'], // Teesside
  TW: ['_H', '_J'], // Twickenham, Hounslow (Southern); Richmond and Egham (TW9, TW10, TW20) are South East
  UB: ['_H'], // Southall, Uxbridge
  W: ['_C', '_H'], // West London; Acton, Chiswick, Ealing, Hanwell (W3, W4, W5, W7, W13) are Southern
  WA: ['_D', '_G'], // Warrington; Newton-le-Willows, Lymm, Altrincham, Birchwood (WA3, WA12–WA15) North West
  WC: ['_C'], // West Central London
  WD: ['_A'], // Watford
  WF: ['_M'], // Wakefield
  WN: ['_G'], // Wigan
  WR: ['_E'], // Worcester
  WS: ['_E'], // Walsall
  WV: ['_E'], // Wolverhampton
  YO: ['_F', '_M'], // York (North East); Bridlington (YO15, YO16) is Yorkshire
  ZE: ['_P'], // Shetland
})

/**
 * District numbers per region for the areas that span regions, as 'n' or 'n-m' lists. A district left out
 * (one not in the sources, or one on a boundary we cannot call) gets every candidate of its area.
 */
const districtSpecs: Readonly<Record<string, Partial<Record<GspCode, string>>>> = {
  B: { _E: '1-76,80,90-99', _B: '77-79' },
  BA: { _L: '1-6,16', _H: '7-15,20-22' },
  BB: { _G: '1-7,9-12,18,94', _M: '8' },
  BD: { _M: '1-23,97-99', _G: '24' },
  BN: { _J: '1-16,20-27,41-45,50-52,88,99', _H: '17,18' },
  BR: { _C: '1,3,7', _J: '2,4-6,8' },
  CR: { _J: '0,2-4,6-9,44,90', _C: '5' },
  CV: { _B: '1-13,21-23,31-35,47', _E: '36,37' },
  CW: { _D: '1-11,98', _E: '12' },
  DA: { _J: '1,3,4,9-13', _C: '2,5-8,14-18' },
  DN: { _M: '1-19,31-41,55', _B: '20-22' },
  DT: { _H: '1-5,9-11', _L: '6-8' },
  E: { _C: '1-3,5-20,77,98', _A: '4' },
  FK: { _N: '1-14', _P: '15-21' },
  G: { _N: '1-82,90', _P: '83,84' },
  GU: { _J: '1,2,4-6,21-23,25', _H: '3,7-12,14-20,24,26-35,46,47,51,52,95' },
  HP: { _A: '1-8,16-23,27', _H: '9-15' },
  HR: { _E: '1-4,6-9', _K: '5' },
  IG: { _C: '1-9,11', _A: '10' },
  KA: { _N: '1-26,29,30', _P: '27,28' },
  KT: { _J: '1,5-24', _C: '2-4' },
  KY: { _N: '1-12,14-16,99', _P: '13' },
  L: { _D: '1-39,67-75', _G: '40' },
  LD: { _K: '1-5' }, // LD6–LD8 (Rhayader, Knighton, Presteigne): not refined
  LN: { _B: '1-6,8-13', _M: '7' },
  MK: { _B: '1-19,43,46,77', _A: '40-42,44,45' },
  N: { _C: '1,5,7,16,19', _A: '2-4,6,8-15,17,18,20-22,81' },
  NW: { _C: '1,3,5,6,8,10,26', _A: '2,4,7,9,11' },
  OL: { _G: '1-13,15,16,95', _M: '14' },
  OX: { _H: '1-5,9-14,18,20,25-29,33,39,44,49', _E: '7,15,16', _B: '17' },
  PA: { _N: '1-19', _P: '20-38,41-49,60-78' },
  PE: { _A: '1-4,7,13-16,19,30-38', _B: '5,6,8-12,20-29,99' },
  PR: { _G: '0-7,11,25,26', _D: '8,9' },
  RH: { _J: '1-13,15-20,77', _H: '14' },
  S: { _M: '1-14,17,18,21,32,33,35,36,60-66,70-75', _B: '20,25,26,40-45,49,80,81,96-99' },
  SY: { _E: '1-9,15,99', _D: '10-14,16-24', _K: '25' },
  TW: { _H: '1-8,11-19', _J: '9,10,20' },
  W: { _C: '1,2,6,8-12,14', _H: '3-5,7,13' },
  WA: { _D: '1,2,4-11,16,55,88', _G: '3,12-15' },
  YO: { _F: '1,7,8,10-14,17-19,21-26,30-32,41-43,51,60-62,90,91,95', _M: '15,16' },
}

function districtNumbers(spec: string): number[] {
  return spec.split(',').flatMap((part) => {
    const [from, to = from] = part.split('-').map(Number) as [number, number?]
    return Array.from({ length: to - from + 1 }, (_, index) => from + index)
  })
}

/** Outward code (e.g. 'CV37') → its one region, for districts of split areas that the sources agree on. */
export const postcodeDistrictRegions: ReadonlyMap<string, GspCode> = (() => {
  const districts = new Map<string, GspCode>()
  for (const [area, byRegion] of Object.entries(districtSpecs)) {
    for (const [region, spec] of Object.entries(byRegion) as [GspCode, string][]) {
      for (const number of districtNumbers(spec)) {
        const outward = `${area}${number}`
        if (districts.has(outward)) throw new Error(`postcode district ${outward} is listed twice`)
        districts.set(outward, region)
      }
    }
  }
  return districts
})()

const fullPostcode = /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/
const outwardOnly = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/

function outwardCodeOf(postcode: string): string | undefined {
  const key = postcodeKey(postcode)
  if (fullPostcode.test(key)) return key.slice(0, -3)
  if (outwardOnly.test(key)) return key
  return undefined
}

/**
 * The GSP groups a postcode may be in, most likely first: 'cb1 2ab', 'CB12AB', 'SW1A 1AA' or an outward code
 * such as 'CB1'. One element when the postcode's district is known to lie in one region; several when the area
 * spans regions and the district cannot be called; [] for anything that is not a GB postcode (including
 * Northern Ireland's BT, which is outside GB's GSP groups). By area and district, not by address: see the
 * module comment before relying on it for billing.
 */
export function gspGroupsForPostcode(postcode: string): GspCode[] {
  const outward = outwardCodeOf(postcode)
  if (outward === undefined) return []
  const area = outward.replace(/[0-9].*$/, '')
  if (!Object.hasOwn(postcodeAreaRegions, area)) return []
  // Sub-districts such as W1A or EC1A share their district's region.
  const district = postcodeDistrictRegions.get(outward) ?? postcodeDistrictRegions.get(outward.replace(/[A-Z]$/, ''))
  if (district !== undefined) return [district]
  return [...(postcodeAreaRegions[area] ?? [])]
}
