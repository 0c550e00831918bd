package org.apache.commons.collections.functors;

import java.io.Serializable;

/**
 * A harmless stand-in with the name of commons-collections' {@code InvokerTransformer}, the
 * classic deserialization gadget: a member's filter must reject it by name.
 */
public final class InvokerTransformer implements Serializable {
  private static final long serialVersionUID = 1L;
}
