/**
 * 通报 in the bureau's app: the bulletin drafted from the accepted returns counted in the total for
 * the period shown, with the reference figures entered in 汇总, in the city's own house style; the
 * narrative the bureau types is kept per city and period (a settings key).
 */
import { useEffect, useMemo, useState } from 'react';
import { builtinBulletinStyles, bulletinInputFromReturns, bulletinReferenceFromBureau, defaultStyleFor, type BulletinStyle } from '../../src-shared/bulletin';
import type { ReferenceFigures } from '../../src-shared/collect';
import type { IndicatorSet, ZoneRegistry, ZoneReturn } from '../../src-shared/model';
import { BulletinScreen } from '../bulletin/bulletin-screen';
import type { Repository } from '../db';

export interface BureauBulletinProps {
  repo: Repository;
  registry: ZoneRegistry;
  cityCode: string;
  cityName: string;
  periodKey: string;
  set: IndicatorSet;
  /** Accepted returns of the period, those left out of the total already removed. */
  returns: ZoneReturn[];
  reference: ReferenceFigures;
}

export function BureauBulletin(props: BureauBulletinProps) {
  const { repo, cityCode, periodKey, set } = props;
  const styles = useMemo(() => builtinBulletinStyles(set), [set]);
  const [style, setStyle] = useState<BulletinStyle | undefined>(() => styles.find((s) => s.id === defaultStyleFor(props.cityName)) ?? styles[0]);
  const [narrative, setNarrative] = useState<Record<string, string> | null>(null);
  useEffect(() => {
    setNarrative(null);
    void repo.getBulletinNarrative(cityCode, periodKey).then(setNarrative);
  }, [repo, cityCode, periodKey]);
  const input = useMemo(
    () => bulletinInputFromReturns(set, props.returns, { registry: props.registry, reference: bulletinReferenceFromBureau(props.reference), ...(style?.cityZoneTypes ? { cityZoneTypes: style.cityZoneTypes } : {}) }),
    [set, props.returns, props.registry, props.reference, style],
  );
  if (!input.ok) return <p className="notice error">{input.issues.map((i) => i.message).join('；')}</p>;
  if (narrative === null) return <p className="muted">正在读取……</p>;
  return (
    <BulletinScreen
      key={`${cityCode}/${periodKey}`}
      input={input.value}
      styles={styles}
      {...(style ? { initialStyleId: style.id } : {})}
      initialNarrative={narrative}
      onNarrativeChange={(next) => void repo.saveBulletinNarrative(cityCode, periodKey, next)}
      onStyleChange={setStyle}
    />
  );
}
