/** A podcast with every episode, newest first (`/podcasts/<show>/`). */
import type { ArchiveStore } from "../src/plugins/content.ts";
import type { PodcastPage } from "../src/views/catalog.ts";
import { Base } from "../_includes/layouts/Base.tsx";
import { Breadcrumbs } from "../_includes/components/Breadcrumbs.tsx";
import { HOME } from "../src/views/breadcrumbs.ts";

export const data = {
  pagination: { data: "archive.podcasts", size: 1, alias: "show" },
  permalink: (data: { show: PodcastPage }) => data.show.url,
  eleventyExcludeFromCollections: true,
};

export function render({ archive, show }: { archive: ArchiveStore; show: PodcastPage }) {
  return (
    <Base site={archive.current.site} path={show.url} feed={show.feed ? { podcast: show.id, title: show.title } : undefined} title={show.title} description={show.description} kind="page-podcast">
      <Breadcrumbs crumbs={[HOME, { label: "Podcasts" }, { label: show.title, url: show.url }]} />
      <header class="page-header">
        <h1>{show.title}</h1>
        <p class="lede">
          Hosted by <a href={show.host.url}>{show.host.name}</a>
          {show.description && <>. {show.description}</>}
        </p>
        {show.link && (
          <p>
            <a href={show.link}>The show’s home page</a>
          </p>
        )}
        {show.feed ? (
          <p>
            <a href={show.feed} type="application/rss+xml">Subscribe to the podcast feed</a>
          </p>
        ) : (
          show.episodes.length > 0 && (
            <p class="note audio-lost">
              The audio of this show’s episodes was not preserved, so it has no podcast feed; the episodes are listed below.
            </p>
          )
        )}
      </header>
      {show.episodes.length === 0 ? (
        <p>No episodes of this show were preserved.</p>
      ) : (
        <ol class="episodes">
          {show.episodes.map((episode) => (
            <li id={episode.anchor} class="episode">
              <h2>{episode.title}</h2>
              <p class="meta">
                <time datetime={episode.datetime}>{episode.date}</time>
                {episode.duration && <> · {episode.duration}</>}
              </p>
              {episode.description && <p>{episode.description}</p>}
              {episode.audio ? (
                <audio controls preload="none" src={episode.audio}>
                  <a href={episode.audio}>Download the episode</a>
                </audio>
              ) : (
                <p class="note">The audio of this episode was not preserved.</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </Base>
  );
}
