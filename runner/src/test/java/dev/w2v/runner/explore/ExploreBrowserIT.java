package dev.w2v.runner.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer page in a real headless browser (Debian's chromium through chromedriver), as a
 * person uses it: a shared link, typing with completion, hovering and clicking the map, a typo's
 * "did you mean", an analogy, the back button.
 */
class ExploreBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Six groups of related words; a word's neighbours are its group. */
  private static final List<List<String>> GROUPS =
      List.of(
          List.of("cat", "kitten", "dog", "puppy", "horse", "pony", "cow", "calf", "sheep", "lamb"),
          List.of("king", "queen", "prince", "princess", "duke", "duchess", "lord", "lady", "earl"),
          List.of("red", "green", "blue", "yellow", "purple", "orange", "violet", "pink", "brown"),
          List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
          List.of("paris", "london", "berlin", "rome", "madrid", "vienna", "prague", "oslo"),
          List.of("man", "woman", "boy", "girl", "father", "mother", "son", "daughter", "uncle"));

  @TempDir static Path work;
  static ExplorerProcess explorer;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Debian's chromium and chromium-driver are not installed"
            + " (apt-get install chromium chromium-driver; .ci/run installs them)");
    Path vectors = work.resolve("groups.txt");
    SplittableRandom random = new SplittableRandom(3);
    int dim = 12;
    List<String> lines = new ArrayList<>();
    for (int g = 0; g < GROUPS.size(); g++) {
      double[] centre = new double[dim];
      for (int j = 0; j < dim; j++) {
        centre[j] = random.nextGaussian();
      }
      for (String word : GROUPS.get(g)) {
        StringBuilder line = new StringBuilder(word);
        for (int j = 0; j < dim; j++) {
          line.append(
              String.format(Locale.ROOT, " %.5f", centre[j] + 0.25 * random.nextGaussian()));
        }
        // "kitten" is the nearest to "cat" by construction
        if (word.equals("kitten")) {
          line = new StringBuilder(lines.get(0).replaceFirst("^cat", "kitten"));
          line.append("1");
        }
        lines.add(line.toString());
      }
    }
    Files.writeString(
        vectors,
        lines.size() + " " + dim + "\n" + String.join("\n", lines) + "\n",
        StandardCharsets.UTF_8);
    explorer = ExplorerProcess.start(work, "--vectors", vectors.toString(), "--port", "0");

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // No network beyond loopback here: everything that would phone home is off.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory(work, "chromium"),
        "--window-size=1400,1000");
    // The driver is given, so Selenium Manager never looks for (or downloads) one.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (explorer != null) {
      explorer.close();
    }
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  private static void awaitCurrentWord(String word) {
    waiting().until(ExpectedConditions.textToBe(By.id("current-word"), word));
  }

  private static List<WebElement> neighbourRows() {
    return browser.findElements(By.cssSelector("#neighbors tbody tr"));
  }

  private static void awaitMapOf(String center, int points) {
    waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("#map g.point.center[data-word='" + center + "']"))
                            .size()
                        == 1
                    && d.findElements(By.cssSelector("#map g.point")).size() == points);
  }

  /** A map point (not the centre) whose dot is not covered by anything, found as a user would. */
  private static WebElement clickablePoint() {
    return (WebElement)
        ((JavascriptExecutor) browser)
            .executeScript(
                "for (const g of document.querySelectorAll('#map g.point:not(.center)')) {"
                    + "  const r = g.querySelector('circle').getBoundingClientRect();"
                    + "  const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
                    + "  if (top && top.closest('g.point') === g) return g.querySelector('circle');"
                    + "}"
                    + "return null;");
  }

  private static void screenshotOnFailure(TestInfo test, Runnable steps) throws Exception {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError e) {
      Path shot =
          Path.of(
              "target", "explore-browser-" + test.getDisplayName().replaceAll("\\W", "") + ".png");
      Files.write(shot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
      throw e;
    }
  }

  @Test
  void aSharedLinkShowsTheWordsNeighboursAndTheMapFollowsClicks(TestInfo test) throws Exception {
    screenshotOnFailure(
        test,
        () -> {
          browser.get(explorer.url().resolve("/?word=cat&map=20").toString());
          awaitCurrentWord("cat");
          waiting().until(d -> neighbourRows().size() == 10);
          assertEquals("kitten", neighbourRows().get(0).getAttribute("data-word"));
          List<String> shown = new ArrayList<>();
          for (WebElement row : neighbourRows().subList(0, 9)) {
            shown.add(row.getAttribute("data-word"));
          }
          assertTrue(GROUPS.get(0).containsAll(shown), "cat's group first: " + shown);
          awaitMapOf("cat", 21);

          // type a new word: completion offers it, choosing it searches it
          WebElement q = browser.findElement(By.id("q"));
          q.clear();
          q.sendKeys("pri");
          WebElement option =
              waiting()
                  .until(
                      ExpectedConditions.elementToBeClickable(
                          By.cssSelector("#completions li[data-word='princess']")));
          assertTrue(
              browser.findElements(By.cssSelector("#completions li[data-word='prince']")).size()
                  == 1);
          option.click();
          awaitCurrentWord("princess");
          assertTrue(browser.getCurrentUrl().contains("word=princess"), browser.getCurrentUrl());
          waiting().until(d -> neighbourRows().size() == 10);
          assertTrue(GROUPS.get(1).contains(neighbourRows().get(0).getAttribute("data-word")));
          awaitMapOf("princess", 21);

          // hover a point: its word shows; click it: the page follows
          WebElement dot = clickablePoint();
          assertTrue(dot != null, "some point on the map is uncovered");
          String word = dot.findElement(By.xpath("..")).getAttribute("data-word");
          new Actions(browser).moveToElement(dot).perform();
          WebElement tooltip =
              waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tooltip")));
          assertTrue(tooltip.getText().startsWith(word), tooltip.getText());
          new Actions(browser).moveToElement(dot).click().perform();
          awaitCurrentWord(word);
          awaitMapOf(word, 21);
          assertEquals(word, browser.findElement(By.id("q")).getAttribute("value"));
          assertTrue(browser.getCurrentUrl().contains("word=" + word), browser.getCurrentUrl());

          // the back button returns to the word before
          browser.navigate().back();
          awaitCurrentWord("princess");
        });
  }

  @Test
  void aTypoOffersTheWordMeantAndEnterSearches(TestInfo test) throws Exception {
    screenshotOnFailure(
        test,
        () -> {
          browser.get(explorer.url().resolve("/").toString());
          WebElement q = waiting().until(ExpectedConditions.elementToBeClickable(By.id("q")));
          q.sendKeys("kitchen", Keys.ENTER);
          WebElement suggestion =
              waiting()
                  .until(
                      ExpectedConditions.elementToBeClickable(
                          By.cssSelector("#notice a.suggestion[data-word='kitten']")));
          assertTrue(
              browser.findElement(By.id("notice")).getText().contains("Unknown word kitchen"),
              browser.findElement(By.id("notice")).getText());
          suggestion.click();
          awaitCurrentWord("kitten");
          assertEquals("cat", neighbourRows().get(0).getAttribute("data-word"));
          assertTrue(!browser.findElement(By.id("notice")).isDisplayed());
        });
  }

  @Test
  void analogiesListsAndTsneAnswerInThePage(TestInfo test) throws Exception {
    screenshotOnFailure(
        test,
        () -> {
          browser.get(explorer.url().resolve("/?word=paris&map=20").toString());
          awaitMapOf("paris", 21);
          browser
              .findElement(By.cssSelector("input[name=method][value=tsne]"))
              .findElement(By.xpath(".."))
              .click();
          waiting()
              .until(
                  ExpectedConditions.textMatches(
                      By.id("map-caption"), java.util.regex.Pattern.compile("t-SNE, perplexity")));
          awaitMapOf("paris", 21);
          assertTrue(browser.getCurrentUrl().contains("method=tsne"), browser.getCurrentUrl());

          for (String[] field : new String[][] {{"a", "red"}, {"b", "green"}, {"c", "one"}}) {
            browser.findElement(By.id(field[0])).sendKeys(field[1]);
          }
          browser.findElement(By.cssSelector("#analogy-form button")).click();
          waiting().until(d -> d.findElements(By.cssSelector("#analogy-results li")).size() == 10);
          String first =
              browser.findElement(By.cssSelector("#analogy-results li")).getAttribute("data-word");
          assertTrue(GROUPS.get(3).contains(first), "green - red + one is a number: " + first);

          browser.findElement(By.id("positive")).sendKeys("king, woman");
          browser.findElement(By.id("negative")).sendKeys("man");
          browser.findElement(By.cssSelector("#lists-form button")).click();
          waiting().until(d -> d.findElements(By.cssSelector("#lists-results li")).size() == 10);

          WebElement words = browser.findElement(By.id("map-words"));
          words.sendKeys("red, one, paris, king, cat", Keys.ENTER);
          waiting()
              .until(
                  d ->
                      d.findElements(By.cssSelector("#map g.point")).size() == 5
                          && d.findElements(By.cssSelector("#map g.point[data-word='cat']")).size()
                              == 1);
          assertTrue(browser.getCurrentUrl().contains("words="), browser.getCurrentUrl());
        });
  }
}
