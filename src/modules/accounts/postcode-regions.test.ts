import { describe, expect, it } from 'vitest'
import { gspRegions } from './gsp-regions.js'
import { gspGroupsForPostcode, postcodeAreaRegions, postcodeDistrictRegions } from './postcode-regions.js'

const gspCodes: readonly string[] = gspRegions.map((region) => region.code)

describe('gspGroupsForPostcode', () => {
  it.each([
    ['CB1 2AB', '_A'],
    ['NG1', '_B'],
    ['SW1A 1AA', '_C'],
    ['L1', '_D'],
    ['B1 1AA', '_E'],
    ['NE1', '_F'],
    ['M1 1AE', '_G'],
    ['SO14', '_H'],
    ['BN1', '_J'],
    ['CF10', '_K'],
    ['EX1', '_L'],
    ['LS1', '_M'],
    ['EH1', '_N'],
    ['AB10', '_P'],
  ])('%s is in %s', (postcode, region) => {
    expect(gspGroupsForPostcode(postcode)).toEqual([region])
  })

  it('ignores case and spacing', () => {
    expect(gspGroupsForPostcode('cb1 2ab')).toEqual(['_A'])
    expect(gspGroupsForPostcode('CB12AB')).toEqual(['_A'])
    expect(gspGroupsForPostcode('  sw1a1aa ')).toEqual(['_C'])
    expect(gspGroupsForPostcode('cb1')).toEqual(['_A'])
  })

  it('returns nothing outside Great Britain or for things that are not postcodes', () => {
    expect(gspGroupsForPostcode('BT1 1AA')).toEqual([])
    expect(gspGroupsForPostcode('JE2 3AB')).toEqual([])
    expect(gspGroupsForPostcode('IM1 1AA')).toEqual([])
    expect(gspGroupsForPostcode('nonsense')).toEqual([])
    expect(gspGroupsForPostcode('')).toEqual([])
    expect(gspGroupsForPostcode('CB')).toEqual([])
    expect(gspGroupsForPostcode('CB1 2A')).toEqual([])
    expect(gspGroupsForPostcode('ZZ1 1AA')).toEqual([])
  })

  it('refines split areas by district', () => {
    expect(gspGroupsForPostcode('CV1 2AA')).toEqual(['_B'])
    expect(gspGroupsForPostcode('CV37 6AA')).toEqual(['_E'])
    expect(gspGroupsForPostcode('SY1')).toEqual(['_E'])
    expect(gspGroupsForPostcode('SY23')).toEqual(['_D'])
    expect(gspGroupsForPostcode('PE1')).toEqual(['_A'])
    expect(gspGroupsForPostcode('PE21')).toEqual(['_B'])
    expect(gspGroupsForPostcode('PA1')).toEqual(['_N'])
    expect(gspGroupsForPostcode('PA34')).toEqual(['_P'])
    expect(gspGroupsForPostcode('B79')).toEqual(['_B'])
  })

  it('gives sub-districts their district’s region', () => {
    expect(gspGroupsForPostcode('W1A 1AA')).toEqual(['_C'])
    expect(gspGroupsForPostcode('E1W 1AA')).toEqual(['_C'])
    expect(gspGroupsForPostcode('W5 1AA')).toEqual(['_H'])
  })

  it('returns every candidate, most likely first, when a district of a split area cannot be called', () => {
    expect(gspGroupsForPostcode('LD7 1AA')).toEqual(['_K', '_D'])
    expect(gspGroupsForPostcode('PE90')).toEqual(['_A', '_B'])
  })

  it('returns a copy the caller may change', () => {
    const regions = gspGroupsForPostcode('PE90')
    regions.pop()
    expect(gspGroupsForPostcode('PE90')).toEqual(['_A', '_B'])
  })
})

describe('postcodeAreaRegions', () => {
  it('covers the GB postcode areas, each with at least one distinct region', () => {
    const areas = Object.keys(postcodeAreaRegions)
    expect(areas.length).toBeGreaterThanOrEqual(120)
    for (const area of areas) {
      const regions = postcodeAreaRegions[area] ?? []
      expect(regions.length, area).toBeGreaterThan(0)
      expect(new Set(regions).size, area).toBe(regions.length)
    }
    expect(areas).not.toContain('BT')
  })

  it('only uses the 14 GSP groups', () => {
    for (const regions of Object.values(postcodeAreaRegions)) {
      for (const region of regions) expect(gspCodes).toContain(region)
    }
    for (const region of postcodeDistrictRegions.values()) expect(gspCodes).toContain(region)
  })

  it('refines districts only to regions their area lists, and only for areas that span regions', () => {
    for (const [district, region] of postcodeDistrictRegions) {
      const area = district.replace(/[0-9].*$/, '')
      const regions = postcodeAreaRegions[area] ?? []
      expect(regions, district).toContain(region)
      expect(regions.length, district).toBeGreaterThan(1)
    }
  })

  it('returns one of the 14 groups for every area', () => {
    for (const area of Object.keys(postcodeAreaRegions)) {
      const regions = gspGroupsForPostcode(`${area}1 1AA`)
      expect(regions.length, area).toBeGreaterThan(0)
      for (const region of regions) expect(gspCodes).toContain(region)
    }
  })
})
