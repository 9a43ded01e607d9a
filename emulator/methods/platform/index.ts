// Platform method families (profile, user.*, department.*, app.*, event.*, im.*, scope, methods,
// server.time): each file registers itself with defineMethods().
import "./users";
import "./user-fields";
import "./departments";
import "./app";
import "./events";
import "./offline-events";
import "./im";
import "./placement";
export {};
