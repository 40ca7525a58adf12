package io.caas.auth;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Login to logout against real Redis and a real HTTP peer answering for user-service. */
@SpringBootTest
@AutoConfigureMockMvc
class AuthFlowIT {

	static final GenericContainer<?> REDIS = new GenericContainer<>(DockerImageName.parse("caas-local/redis:7.0"))
		.withExposedPorts(6379)
		.withLabel("caas.test", "true")
		.withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("redis")))
		.waitingFor(Wait.forListeningPort());

	static FakeUserService userService;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
		REDIS.start();
		userService = new FakeUserService();
		registry.add("spring.data.redis.host", REDIS::getHost);
		registry.add("spring.data.redis.port", () -> REDIS.getMappedPort(6379));
		registry.add("caas.auth.user-service-url", userService::url);
		registry.add("caas.auth.key-dir", Files.createTempDirectory("caas-auth-keys")::toString);
	}

	@AfterAll
	static void stop() {
		userService.close();
		REDIS.stop();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void loginRefreshRotatesAndLogoutEndsTheSession() throws Exception {
		Map<String, Object> first = body(login("teacher1", FakeUserService.PASSWORD).andExpect(status().isOk())
			.andExpect(jsonPath("$.expiresIn").value(900))
			.andExpect(jsonPath("$.mustChangePassword").value(false))
			.andExpect(header().string(HttpHeaders.SET_COOKIE, not(containsString("Domain")))));
		Claims claims = verifyWithJwks((String) first.get("accessToken"));
		assertThat(claims.getSubject()).isEqualTo("teacher1");
		String sid = claims.get("sid", String.class);
		Long ttl = this.redis.getExpire("caas:session:" + sid);
		assertThat(Duration.ofSeconds(ttl)).isBetween(Duration.ofHours(12).minusMinutes(1), Duration.ofHours(12));
		assertThat(this.redis.keys("caas:refresh:*"))
			.noneMatch((key) -> key.contains((String) first.get("refreshToken")));
		this.mvc.perform(get("/internal/sessions/" + sid))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("teacher1"))
			.andExpect(jsonPath("$.roles[0]").value("teacher"));

		Map<String, Object> second = body(refresh((String) first.get("refreshToken")).andExpect(status().isOk())
			.andExpect(jsonPath("$.mustChangePassword").doesNotExist()));
		assertThat(second.get("refreshToken")).isNotEqualTo(first.get("refreshToken"));
		assertThat(verifyWithJwks((String) second.get("accessToken")).get("sid", String.class)).isEqualTo(sid);
		refresh((String) first.get("refreshToken")).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("unauthorized"));

		this.mvc
			.perform(post("/api/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + second.get("accessToken")))
			.andExpect(status().isNoContent())
			.andExpect(header().string(HttpHeaders.SET_COOKIE, containsString("Max-Age=0")));
		refresh((String) second.get("refreshToken")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/internal/sessions/" + sid)).andExpect(status().isNotFound());
		assertThat(this.redis.hasKey("caas:session:" + sid)).isFalse();
	}

	@Test
	void replayedRefreshTokenRevokesTheWholeSession() throws Exception {
		Map<String, Object> first = body(login("teacher1", FakeUserService.PASSWORD).andExpect(status().isOk()));
		String sid = verifyWithJwks((String) first.get("accessToken")).get("sid", String.class);
		Map<String, Object> second = body(refresh((String) first.get("refreshToken")).andExpect(status().isOk()));
		refresh((String) first.get("refreshToken")).andExpect(status().isUnauthorized());
		refresh((String) second.get("refreshToken")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/internal/sessions/" + sid)).andExpect(status().isNotFound());
	}

	@Test
	void ideTransferWorksOnceOnItsOwnHostAndYieldsAnIdeTokenForThatHost() throws Exception {
		Map<String, Object> tokens = body(login("teacher1", FakeUserService.PASSWORD).andExpect(status().isOk()));
		String sid = verifyWithJwks((String) tokens.get("accessToken")).get("sid", String.class);
		String host = "cs101-student1-ide.caas.localhost";
		String transfer = JsonPath.read(this.mvc
			.perform(post("/internal/ide-transfers").contentType(MediaType.APPLICATION_JSON)
				.content("{\"sid\":\"%s\",\"host\":\"%s\",\"path\":\"/proxy/3000/\"}".formatted(sid, host)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.token");
		redeem(transfer, "cs101-student2-ide.caas.localhost").andExpect(status().isUnauthorized());
		String again = JsonPath.read(this.mvc
			.perform(post("/internal/ide-transfers").contentType(MediaType.APPLICATION_JSON)
				.content("{\"sid\":\"%s\",\"host\":\"%s\",\"path\":\"/\"}".formatted(sid, host)))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.token");
		Map<String, Object> ide = body(
				redeem(again, host).andExpect(status().isOk()).andExpect(jsonPath("$.path").value("/")));
		Claims claims = verifyWithJwks((String) ide.get("ideToken"));
		assertThat(claims.getAudience()).containsExactly("caas-ide");
		assertThat(claims.get("host", String.class)).isEqualTo(host);
		assertThat(claims.get("sid", String.class)).isEqualTo(sid);
		redeem(again, host).andExpect(status().isUnauthorized());
	}

	@Test
	void endingEveryOneOfAUsersSessionsEndsThemAll() throws Exception {
		String a = verifyWithJwks((String) body(login("teacher1", FakeUserService.PASSWORD)).get("accessToken"))
			.get("sid", String.class);
		String b = verifyWithJwks((String) body(login("teacher1", FakeUserService.PASSWORD)).get("accessToken"))
			.get("sid", String.class);
		this.mvc.perform(delete("/internal/users/teacher1/sessions")).andExpect(status().isOk());
		this.mvc.perform(get("/internal/sessions/" + a)).andExpect(status().isNotFound());
		this.mvc.perform(get("/internal/sessions/" + b)).andExpect(status().isNotFound());
	}

	@Test
	void adminListsLiveSessionsWithTheirOriginAndEndsOneForTheApiAndIdeHosts() throws Exception {
		Map<String, Object> tokens = body(this.mvc
			.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.USER_AGENT, "sch-browser/1.0")
				.header("X-Forwarded-For", "203.0.113.7, 10.0.0.2")
				.content("{\"username\":\"teacher1\",\"password\":\"%s\"}".formatted(FakeUserService.PASSWORD)))
			.andExpect(status().isOk()));
		String sid = verifyWithJwks((String) tokens.get("accessToken")).get("sid", String.class);
		refresh((String) tokens.get("refreshToken")).andExpect(status().isOk());
		String listed = this.mvc
			.perform(get("/api/sessions").param("username", "teacher1")
				.header("X-Caas-User", "admin")
				.header("X-Caas-Roles", "admin"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Map<String, Object>> mine = JsonPath.read(listed, "$[?(@.sessionId == '" + sid + "')]");
		assertThat(mine).singleElement().satisfies((session) -> {
			assertThat(session).containsEntry("username", "teacher1")
				.containsEntry("clientAddress", "203.0.113.7")
				.containsEntry("userAgent", "sch-browser/1.0")
				.containsEntry("mustChangePassword", false);
			assertThat(session.get("createdAt")).isNotNull();
			assertThat(session.get("lastRefreshAt")).isNotNull();
			assertThat(session.get("roles")).asList().containsExactly("teacher");
		});
		String everyone = this.mvc
			.perform(get("/api/sessions").header("X-Caas-User", "admin").header("X-Caas-Roles", "admin"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(everyone, "$[*].sessionId")).contains(sid);

		String host = "sch1-student1-ide.caas.localhost";
		this.mvc.perform(delete("/api/sessions/" + sid).header("X-Caas-User", "admin").header("X-Caas-Roles", "admin"))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/internal/sessions/" + sid)).andExpect(status().isNotFound());
		refresh((String) tokens.get("refreshToken")).andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/internal/ide-transfers").contentType(MediaType.APPLICATION_JSON)
				.content("{\"sid\":\"%s\",\"host\":\"%s\",\"path\":\"/\"}".formatted(sid, host)))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(delete("/api/sessions/" + sid).header("X-Caas-User", "admin").header("X-Caas-Roles", "admin"))
			.andExpect(status().isNotFound());
	}

	@Test
	void sessionThatMustChangeItsPasswordCarriesTheClaimAcrossRefreshAndOpensNoIde() throws Exception {
		Map<String, Object> tokens = body(login("newbie", FakeUserService.PASSWORD).andExpect(status().isOk())
			.andExpect(jsonPath("$.mustChangePassword").value(true)));
		Claims claims = verifyWithJwks((String) tokens.get("accessToken"));
		assertThat(claims.get("pwd_change", Boolean.class)).isTrue();
		Map<String, Object> refreshed = body(refresh((String) tokens.get("refreshToken")).andExpect(status().isOk()));
		assertThat(verifyWithJwks((String) refreshed.get("accessToken")).get("pwd_change", Boolean.class)).isTrue();
		this.mvc
			.perform(post("/internal/ide-transfers").contentType(MediaType.APPLICATION_JSON)
				.content("{\"sid\":\"%s\",\"host\":\"sch1-newbie-ide.caas.localhost\",\"path\":\"/\"}"
					.formatted(claims.get("sid", String.class))))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("password-change-required"));
	}

	@Test
	void failedLoginsPerAccountAreThrottledWithRetryAfter() throws Exception {
		for (int i = 0; i < 5; i++) {
			login("throttled", "wrong").andExpect(status().isUnauthorized());
		}
		login("throttled", "wrong").andExpect(status().isTooManyRequests())
			.andExpect(header().exists(HttpHeaders.RETRY_AFTER))
			.andExpect(jsonPath("$.code").value("too-many-logins"));
	}

	@Test
	void logoutWithRefreshTokenBodyEndsTheSession() throws Exception {
		Map<String, Object> tokens = body(login("teacher1", FakeUserService.PASSWORD).andExpect(status().isOk()));
		String sid = verifyWithJwks((String) tokens.get("accessToken")).get("sid", String.class);
		this.mvc
			.perform(post("/api/auth/logout").contentType(MediaType.APPLICATION_JSON)
				.content("{\"refreshToken\":\"" + tokens.get("refreshToken") + "\"}"))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/internal/sessions/" + sid)).andExpect(status().isNotFound());
		refresh((String) tokens.get("refreshToken")).andExpect(status().isUnauthorized());
	}

	@Test
	void wrongPasswordAndUnknownUserAreTheSameUnauthorizedProblem() throws Exception {
		login("teacher1", "wrong-password").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("unauthorized"))
			.andExpect(jsonPath("$.detail").value("Invalid username or password"));
		login("nobody", "wrong-password").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Invalid username or password"));
	}

	@Test
	void failingUserServiceIsServiceUnavailableNotUnauthorized() throws Exception {
		login("broken", "whatever").andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.code").value("user-service-unavailable"));
	}

	@Test
	void bothJwksAddressesServeTheSameKeySet() throws Exception {
		String api = this.mvc.perform(get("/api/auth/jwks"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, containsString(MediaType.APPLICATION_JSON_VALUE)))
			.andExpect(jsonPath("$.keys[0].kty").value("RSA"))
			.andExpect(jsonPath("$.keys[0].use").value("sig"))
			.andExpect(jsonPath("$.keys[0].alg").value("RS256"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String wellKnown = this.mvc.perform(get("/.well-known/jwks.json"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wellKnown).isEqualTo(api);
	}

	private Claims verifyWithJwks(String accessToken) throws Exception {
		String jwks = this.mvc.perform(get("/api/auth/jwks")).andReturn().getResponse().getContentAsString();
		String kid = JsonPath.read(jwks, "$.keys[0].kid");
		PublicKey key = KeyFactory.getInstance("RSA")
			.generatePublic(new RSAPublicKeySpec(unsigned(JsonPath.read(jwks, "$.keys[0].n")),
					unsigned(JsonPath.read(jwks, "$.keys[0].e"))));
		var jws = Jwts.parser().verifyWith(key).requireIssuer("caas-auth").build().parseSignedClaims(accessToken);
		assertThat(jws.getHeader().getKeyId()).isEqualTo(kid);
		return jws.getPayload();
	}

	private static BigInteger unsigned(String base64Url) {
		return new BigInteger(1, Base64.getUrlDecoder().decode(base64Url));
	}

	private ResultActions login(String username, String password) throws Exception {
		return this.mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password)));
	}

	private ResultActions redeem(String token, String host) throws Exception {
		return this.mvc.perform(post("/internal/ide-transfers/redeem").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"%s\",\"host\":\"%s\"}".formatted(token, host)));
	}

	private ResultActions refresh(String refreshToken) throws Exception {
		return this.mvc.perform(post("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
			.content("{\"refreshToken\":\"" + refreshToken + "\"}"));
	}

	private static Map<String, Object> body(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$");
	}

}
