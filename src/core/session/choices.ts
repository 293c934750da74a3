import type { CheckSettings, IdentityDef } from '../check';
import { identityOf } from '../check';
import type { Lang } from '../i18n';
import type { BuildSummaryInput } from './run';
import type { AddinSettings } from './Session.types';

/** The checks' settings the pane keeps: the bureau's own identities (自定义平衡关系). */
export function paneCheckSettings(settings: Pick<AddinSettings, 'identities'>): Partial<CheckSettings> {
  return { identities: settings.identities.map(identityOf).filter((d): d is IdentityDef => d !== null) };
}

/** The saved choices as the summary builder takes them. */
export function summaryInput(settings: AddinSettings, lang: Lang): BuildSummaryInput {
  const s = settings.summary;
  return {
    lang,
    mode: s.mode,
    indicators: s.indicators,
    top: s.top,
    points: s.points,
    share: s.share,
    perSheet: s.perSheet,
    highlights: s.highlights,
    check: s.findingsSheet,
    text: s.textSheet,
    checkSettings: paneCheckSettings(settings),
    summarize: { rankBy: s.rankBy, ties: s.ties, ascending: s.ascending, zonesAsPeers: s.zonesAsPeers },
    targets: s.targets ? undefined : null,
    accepted: settings.accepted,
  };
}
