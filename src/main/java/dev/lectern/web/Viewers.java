package dev.lectern.web;

import dev.lectern.web.view.Viewer;
import io.javalin.http.Context;

/**
 * Finds who made a request. Until accounts exist, everyone is the implicit local user of
 * single-user mode.
 */
final class Viewers {
  private static final Viewer LOCAL = new Viewer(Viewer.LOCAL_USER, "local", true, false, "");

  Viewer of(Context ctx) {
    return LOCAL;
  }
}
