package dev.proofwork.audition.listing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audition as its reader may see it: employers and operators the whole of it, learners the public view. */
@Schema(oneOf = { AuditionView.class, PublicAuditionView.class })
public sealed interface AuditionRead permits AuditionView, PublicAuditionView {
}
