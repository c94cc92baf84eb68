package de.wachposten.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.wachposten.model.Media;
import de.wachposten.store.StoreException;
import java.util.List;
import java.util.Map;

/** JSON columns: canonical output (sorted keys, ISO instants), so equal values give equal text. */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static List<String> stringList(String json) {
        return read(json, new TypeReference<>() {});
    }

    static List<Media> mediaList(String json) {
        return read(json, new TypeReference<>() {});
    }

    static Map<String, Object> map(String json) {
        return read(json, new TypeReference<>() {});
    }

    static List<Map<String, Object>> mapList(String json) {
        return read(json, new TypeReference<>() {});
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
