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
  /** 简称 as the bureaus write it (高平开发区); absent where the name is already short. */
  shortName?: string;
  cityCode: string;
  /** County or district (县 / 市 / 区) the zone sits in. */
  county: string;
  type: ZoneType;
  /** 省级 / 国家级 */
  level: '国家级' | '省级';
  /** Year the zone was set up or admitted; a return of that year has no 上年同期 (新设开发区). */
  establishedYear?: number;
  /** Earlier names, newest last, kept when a bureau renames the zone (the id never changes). */
  formerNames?: string[];
}

export interface ZoneRegistry {
  format: typeof ZONE_REGISTRY_FORMAT;
  version: string;
  /** Where the list comes from (公开资料, a bureau's sheet), shown in 设置. */
  source?: string;
  cities: City[];
  zones: Zone[];
}
