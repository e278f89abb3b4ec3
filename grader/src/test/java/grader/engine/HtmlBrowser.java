package grader.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real headless Chromium, driven through chromedriver's W3C WebDriver HTTP API with java.net.http
 * (no Selenium). One browser session per instance, with a fresh profile; {@link #close()} ends the
 * session and the chromedriver this instance started, and nothing else.
 */
final class HtmlBrowser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STARTED = Pattern.compile("started successfully on port (\\d+)");
    /** The flags that run Chromium headless as root in a container, with nothing fetched from the network. */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
            "--force-device-scale-factor=1");

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String session;
    private final Path profile;

    private HtmlBrowser(Process driver, URI base, String session, Path profile) {
        this.driver = driver;
        this.base = base;
        this.session = session;
        this.profile = profile;
    }

    /** {@return the Chromium binary: $CHROME_BIN, else chromium, chromium-browser or google-chrome on the PATH} */
    static Optional<Path> chromium() {
        return find("CHROME_BIN", "chromium", "chromium-browser", "google-chrome");
    }

    /** {@return chromedriver: $CHROMEDRIVER, else on the PATH} */
    static Optional<Path> chromedriver() {
        return find("CHROMEDRIVER", "chromedriver");
    }

    private static Optional<Path> find(String env, String... names) {
        String given = System.getenv(env);
        if (given != null && Files.isExecutable(Path.of(given))) {
            return Optional.of(Path.of(given));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(names).flatMap(n -> Stream.of(path.split(java.io.File.pathSeparator)).map(d -> Path.of(d, n)))
                .filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts chromedriver on a free port (its log in {@code logDir}) and opens a session of a headless
     * Chromium with a new, empty profile and a window {@code width} x {@code height}.
     */
    static HtmlBrowser start(Path chromium, Path chromedriver, Path logDir, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Process driver = new ProcessBuilder(chromedriver.toString(), "--port=0", "--log-path=" + logDir.resolve("chromedriver.log"))
                .redirectErrorStream(true).start();
        try {
            URI base = URI.create("http://127.0.0.1:" + port(driver) + "/");
            Path profile = Files.createTempDirectory("grader-chromium-");
            List<String> args = new ArrayList<>(FLAGS);
            args.add("--user-data-dir=" + profile);
            args.add("--window-size=" + width + "," + height);
            ObjectNode caps = JSON.createObjectNode();
            ObjectNode always = caps.putObject("capabilities").putObject("alwaysMatch");
            always.put("browserName", "chrome");
            always.putObject("goog:chromeOptions").put("binary", chromium.toString()).set("args", JSON.valueToTree(args));
            always.putObject("goog:loggingPrefs").put("browser", "ALL");
            HttpClient http = HttpClient.newHttpClient();
            JsonNode created = send(http, HttpRequest.newBuilder(base.resolve("session")), "POST", caps);
            return new HtmlBrowser(driver, base, created.path("sessionId").asText(), profile);
        } catch (IOException | RuntimeException e) {
            driver.destroy();
            throw e;
        }
    }

    /** Reads chromedriver's first lines until it says which port it listens on. */
    private static int port(Process driver) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            Matcher m = STARTED.matcher(line);
            if (m.find()) {
                // Keep draining what it prints later, so that it never blocks on a full pipe.
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("chromedriver ended before it listened:\n" + seen);
    }

    /** Opens a page and returns once it has loaded (WebDriver's navigation waits for the load event). */
    void open(URI page) throws IOException, InterruptedException {
        command("POST", "url", Map.of("url", page.toString()));
        // Bounded: navigation already waited for the load event; this only confirms it.
        for (int i = 0; i < 50 && !"complete".equals(script("return document.readyState").asText()); i++) {
            Thread.sleep(100);
        }
    }

    /** {@return the value a script returns, run in the page} */
    JsonNode script(String js) throws IOException, InterruptedException {
        return command("POST", "execute/sync", Map.of("script", js, "args", List.of()));
    }

    /** {@return every browser log entry at level SEVERE: uncaught errors, refused resources, CSP violations} */
    List<String> severeLog() throws IOException, InterruptedException {
        List<String> severe = new ArrayList<>();
        for (JsonNode entry : command("POST", "se/log", Map.of("type", "browser"))) {
            if ("SEVERE".equals(entry.path("level").asText())) {
                severe.add(entry.path("message").asText());
            }
        }
        return severe;
    }

    /** Sets the viewport (not the window) to this size. */
    void viewport(int width, int height) throws IOException, InterruptedException {
        JsonNode chrome = script("return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]");
        command("POST", "window/rect", Map.of("width", width + chrome.get(0).asInt(), "height", height + chrome.get(1).asInt()));
    }

    /** Clicks the first element that matches a CSS selector. */
    void click(String css) throws IOException, InterruptedException {
        // The W3C WebDriver element reference key.
        String id = command("POST", "element", Map.of("using", "css selector", "value", css))
                .path("element-6066-11e4-a52e-4f735466cecf").asText();
        command("POST", "element/" + id + "/click", Map.of());
    }

    /** {@return a PNG of the viewport} */
    byte[] screenshot() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(command("GET", "screenshot", null).asText());
    }

    private JsonNode command(String method, String path, Object body) throws IOException, InterruptedException {
        return send(http, HttpRequest.newBuilder(base.resolve("session/" + session + "/" + path)), method, body);
    }

    private static JsonNode send(HttpClient http, HttpRequest.Builder request, String method, Object body)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IOException("WebDriver " + method + " " + request.build().uri() + " answered " + response.statusCode() + ": "
                    + value.path("error").asText() + ": " + value.path("message").asText());
        }
        return value;
    }

    /** Ends the session, then the chromedriver this instance started, and deletes the profile. */
    @Override
    public void close() throws IOException {
        try {
            send(http, HttpRequest.newBuilder(base.resolve("session/" + session)), "DELETE", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            driver.destroy();
            try {
                driver.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
