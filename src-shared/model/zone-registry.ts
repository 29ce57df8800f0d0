import type { ZoneType } from './indicator-set';

export const ZONE_REGISTRY_FORMAT = 'zone-returns/zone-registry@1';

export interface City {
  /** Administrative division code, e.g. 140500 for 晋城市. */
  code: string;
  name: string;
}

export interface Zone {
  /** Stable id used in returns and workbooks, e.g. `jincheng-kfq`. */
  id: string;
  name: string;
  cityCode: string;
  /** County or district (县 / 市 / 区) the zone sits in. */
  county: string;
  type: ZoneType;
  /** 省级 / 国家级 */
  level: '国家级' | '省级';
}

export interface ZoneRegistry {
  format: typeof ZONE_REGISTRY_FORMAT;
  version: string;
  cities: City[];
  zones: Zone[];
}
