package dev.w2v.core.projection;

/** A word placed in the plane of the first two principal components. */
public record ProjectedWord(String word, double x, double y) {}
