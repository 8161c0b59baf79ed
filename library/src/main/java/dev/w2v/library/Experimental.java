package dev.w2v.library;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks API that may change incompatibly in any release, as Guava's {@code @Beta} and Lucene's
 * {@code @lucene.experimental} do: use it, but expect to adapt. Everything public in {@code
 * dev.w2v.library} that is not marked is stable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Experimental {}
