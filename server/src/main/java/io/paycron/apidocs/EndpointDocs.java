package io.paycron.apidocs;

/**
 * The documentation of one feature's endpoints. Each implementation is a Spring bean in this
 * package; documenting a new endpoint means adding a {@code docs.post(…)…} block to the feature's
 * class (or a new class for a new feature). {@code ApiDocsCompletenessTest} fails the build for a
 * served route that has none.
 */
public interface EndpointDocs {

  void describe(ApiDocs docs);
}
