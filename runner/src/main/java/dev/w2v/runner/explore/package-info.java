/**
 * {@code w2v explore}: a local web page over one vector file (and optionally one training run),
 * with the JSON API that page uses. {@link dev.w2v.runner.explore.ExplorerServer} serves it, {@link
 * dev.w2v.runner.explore.ExplorerApi} answers the API, and the page's assets are resources of this
 * package.
 */
package dev.w2v.runner.explore;
