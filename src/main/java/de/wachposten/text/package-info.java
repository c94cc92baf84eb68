/**
 * Plain text from the HTML that platforms, feeds and CMS exports deliver: {@link de.wachposten.text.HtmlText} is the
 * one way the daemon turns markup into text and decodes character references (the full HTML5 table, through jsoup).
 * Pure functions without state or I/O; imports no other Wachposten package, so platform plugins and the approval
 * checks may both use it.
 */
package de.wachposten.text;
