/** The 14 GSP groups of Great Britain: the tariff region of a property (there is no _I or _O). */
export const gspRegions = [
  { code: '_A', name: 'Eastern England', distributorId: '10' },
  { code: '_B', name: 'East Midlands', distributorId: '11' },
  { code: '_C', name: 'London', distributorId: '12' },
  { code: '_D', name: 'Merseyside and North Wales', distributorId: '13' },
  { code: '_E', name: 'West Midlands', distributorId: '14' },
  { code: '_F', name: 'North East England', distributorId: '15' },
  { code: '_G', name: 'North West England', distributorId: '16' },
  { code: '_H', name: 'Southern England', distributorId: '20' },
  { code: '_J', name: 'South East England', distributorId: '19' },
  { code: '_K', name: 'South Wales', distributorId: '21' },
  { code: '_L', name: 'South West England', distributorId: '22' },
  { code: '_M', name: 'Yorkshire', distributorId: '23' },
  { code: '_N', name: 'South Scotland', distributorId: '18' },
  { code: '_P', name: 'North Scotland', distributorId: '17' },
] as const

export type GspCode = (typeof gspRegions)[number]['code']

/** The region of a GSP code, or undefined. */
export function gspRegionOf(code: string) {
  return gspRegions.find((region) => region.code === code)
}
