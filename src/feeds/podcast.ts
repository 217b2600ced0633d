/**
 * One RSS 2.0 feed per show (`/podcasts/<show>/feed.xml`) with the iTunes
 * tags podcast apps read, for every show with at least one playable
 * episode. Every episode whose audio was preserved is an item with its
 * enclosure; an episode without audio is left out, since a podcast item
 * without an enclosure has nothing to play (Apple Podcasts requires one per
 * episode); the show's page, the channel's link, still lists it with its
 * note. A show none of whose audio survived gets no feed at all (and no
 * feed link): subscribing to it would give an empty show.
 */
import type { SidebarIndex } from "../sidebars/index.ts";
import type { Podcast } from "../schema/index.ts";
import type { Problem } from "../types.ts";
import { RSS_TYPE, rfc2822Date, siteUrls, xmlDocument, type FeedFile, type FeedOptions, type XmlTree } from "./common.ts";

export const ITUNES_NAMESPACE = "http://www.itunes.com/dtds/podcast-1.0.dtd";
const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

/**
 * iTunes category of every show: the data files have no field for it, and
 * the archive is a tech blog's.
 */
export const PODCAST_CATEGORY = "Technology";

/** `1:02:03`, `34:12`, `2052` or `45 min` → seconds; anything else is left out of the feed. */
export function durationSeconds(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const value = text.trim();
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(value);
  if (clock) {
    const [hours, minutes, seconds] = [Number(clock[1] ?? 0), Number(clock[2]), Number(clock[3])];
    return seconds < 60 && (clock[1] === undefined || minutes < 60) ? hours * 3600 + minutes * 60 + seconds : undefined;
  }
  if (/^\d+$/.test(value)) return Number(value);
  const minutes = /^(\d+)\s*(?:m|min|mins|minutes?)\.?$/i.exec(value);
  return minutes ? Number(minutes[1]) * 60 : undefined;
}

export function podcastFeedUrl(show: string): string {
  return `/podcasts/${show}/feed.xml`;
}

/** Whether a show has something to play, and so a feed. */
export function hasPodcastFeed(show: Pick<Podcast, "episodes">): boolean {
  return show.episodes.some((episode) => episode.audio);
}

/** The RSS feed of show `id`, episodes newest first. */
export function podcastFeed(index: SidebarIndex, id: string, options: FeedOptions = {}): string {
  const { archive } = index;
  const show = archive.podcasts[id];
  if (!show) throw new Error(`No podcast "${id}" in _data/podcasts.`);
  const urls = siteUrls(archive.site, options.prefix);
  const page = urls.abs(`/podcasts/${id}/`);
  const hostName = archive.authors[show.host]?.name ?? show.host;
  const image = show.image ? urls.resolve(show.image) : undefined;
  const episodes = [...(index.episodes.get(id) ?? [])].reverse().filter((episode) => episode.audio);
  const newest = episodes[0] && rfc2822Date(episodes[0].date.dt);
  const explicit = show.explicit ? "true" : "false";

  return xmlDocument({
    rss: {
      "@_version": "2.0",
      "@_xmlns:itunes": ITUNES_NAMESPACE,
      "@_xmlns:atom": ATOM_NAMESPACE,
      channel: {
        title: show.title,
        link: page,
        description: show.description ?? `${show.title}, hosted by ${hostName}.`,
        language: archive.site.language,
        pubDate: newest,
        lastBuildDate: newest,
        image: image ? { url: image, title: show.title, link: page } : undefined,
        "atom:link": { "@_href": urls.abs(podcastFeedUrl(id)), "@_rel": "self", "@_type": RSS_TYPE },
        "itunes:author": hostName,
        "itunes:image": image ? { "@_href": image } : undefined,
        "itunes:explicit": explicit,
        "itunes:category": { "@_text": PODCAST_CATEGORY },
        // No e-mail addresses are kept in the data files: the owner is named only.
        "itunes:owner": { "itunes:name": hostName },
        "itunes:type": "episodic",
        item: episodes.map((episode): XmlTree => {
          const url = `${page}#${episode.anchor}`;
          const seconds = durationSeconds(episode.duration);
          return {
            title: episode.title,
            link: url,
            guid: { "@_isPermaLink": "true", "#text": url },
            pubDate: rfc2822Date(episode.date.dt),
            description: episode.description,
            // RSS best practice for a size that is not known is 0.
            enclosure: { "@_url": urls.resolve(episode.audio!), "@_length": episode.length ?? 0, "@_type": episode.type },
            "itunes:title": episode.title,
            "itunes:author": hostName,
            "itunes:duration": seconds,
            "itunes:explicit": explicit,
            "itunes:episodeType": "full",
          };
        }),
      },
    },
  });
}

/** The feed of every show that has one. */
export function podcastFeeds(index: SidebarIndex, options: FeedOptions = {}): FeedFile[] {
  return Object.entries(index.archive.podcasts)
    .filter(([, show]) => hasPodcastFeed(show))
    .map(([id]) => ({ url: podcastFeedUrl(id), type: RSS_TYPE, body: podcastFeed(index, id, options) }));
}

/** Where a data file's values are: its path and the line of a value (src/content/source.ts). */
export interface DataSource {
  file: string;
  lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined;
}

const ARTWORK = /\.(?:jpe?g|png)(?:[?#].*)?$/i;

/**
 * Warnings for the fields Apple Podcasts requires of a feed
 * (https://podcasters.apple.com/support/823-podcast-requirements) that the
 * data of a show with a feed leaves out: artwork (`image`, JPEG or PNG), a
 * `description`, and each playable episode's size in bytes (`length`, of
 * its enclosure). Title, language, category and explicitness always have a
 * value. Shows without a feed are not checked.
 */
export function podcastWarnings(podcasts: Record<string, Podcast>, source: DataSource): Problem[] {
  const problems: Problem[] = [];
  const warn = (path: PropertyKey[], message: string) =>
    problems.push({ file: source.file, line: source.lineOf(path), field: path.join("."), message, severity: "warning" });
  for (const [id, show] of Object.entries(podcasts)) {
    if (!hasPodcastFeed(show)) continue;
    if (!show.image) warn([id], "no `image`: Apple Podcasts requires artwork (a square JPEG or PNG, 1400 to 3000 pixels) for the show's feed");
    else if (!ARTWORK.test(show.image)) warn([id, "image"], `"${show.image}" is not a .jpg or .png: Apple Podcasts accepts JPEG or PNG artwork only`);
    if (!show.description) warn([id], "no `description`: Apple Podcasts requires one; the feed says only the show's title and host");
    show.episodes.forEach((episode, i) => {
      if (episode.audio && episode.length === undefined) {
        warn([id, "episodes", i], `"${episode.title}" has no \`length\`: Apple Podcasts requires the audio file's size in bytes`);
      }
    });
  }
  return problems;
}
