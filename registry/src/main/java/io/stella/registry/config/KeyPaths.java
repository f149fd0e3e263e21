package io.stella.registry.config;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Key paths as users read them: {@code registries[1].credentials.password_env}. */
final class KeyPaths {

    private KeyPaths() {
    }

    static String join(String path, String key) {
        if (key == null || key.isEmpty()) {
            return path;
        }
        if (path.isEmpty() || key.startsWith("[")) {
            return path + key;
        }
        return path + "." + key;
    }

    static String parentOf(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** The path databind reports for a failure. */
    static String of(List<JsonMappingException.Reference> references) {
        String path = "";
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path = path + "[" + reference.getIndex() + "]";
            } else if (reference.getFieldName() != null) {
                path = join(path, reference.getFieldName());
            }
        }
        return path;
    }

    /** The path of the mapping or list a streaming parser context is reading. */
    static String of(JsonStreamContext context) {
        JsonStreamContext parent = context == null ? null : context.getParent();
        if (parent == null || parent.inRoot()) {
            return "";
        }
        String parentPath = of(parent);
        if (parent.inArray()) {
            return parentPath + "[" + parent.getCurrentIndex() + "]";
        }
        return join(parentPath, parent.getCurrentName());
    }
}
