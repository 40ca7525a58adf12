package io.caas.classes.it;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Port sharing (API.md "Port sharing") on the real Mongo-wire server, through HTTP: who
 * may share which student's ports, what a port may be, a second share is no change, an
 * unshare removes it, a teacher can clear the shares of a student who left, and a closed
 * class's shares give Traefik no route (which shares are routed:
 * PreviewRoutesControllerTest). The routing itself, through Traefik by Host header, is
 * the e2e suite's (WalkingSkeletonIT).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class PortSharingIT {

	static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	static {
		Infra.start();
	}

	@LocalServerPort
	int port;

	private Api api;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		Infra.register(registry, "psh" + RUN);
	}

	@BeforeEach
	void api() {
		this.api = new Api(this.port);
	}

	@AfterAll
	static void stopInfra() {
		Infra.mongo.stop();
		Infra.redis.stop();
		Infra.minio.stop();
	}

	@Test
	void aStudentSharesListsAndUnsharesTheirOwnPortsAndASecondShareChangesNothing() {
		String classId = klass("own");
		String ports = "/api/classes/" + classId + "/students/s1/ports";

		Api.Response created = this.api.post(ports, "s1", "student", "{\"port\":3000}");
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		assertThat(created.text("url")).isEqualTo("http://" + classId + "-s1-p3000.caas.localhost");
		assertThat(created.text("sharedBy")).isEqualTo("s1");
		assertThat(created.location()).endsWith(ports + "/3000");
		assertThat(this.api.post(ports, "s1", "student", "{\"port\":3000}").status()).isEqualTo(200);
		assertThat(this.api.post(ports, "teacher1", "teacher", "{\"port\":8000}").status()).isEqualTo(201);

		Api.Response listed = this.api.get(ports, "s1", "student");
		assertThat(listed.status()).isEqualTo(200);
		List<Integer> shared = new ArrayList<>();
		listed.body().forEach(p -> shared.add(p.path("port").asInt()));
		assertThat(shared).containsExactly(3000, 8000);

		assertThat(this.api.delete(ports + "/3000", "s1", "student").status()).isEqualTo(204);
		assertThat(this.api.delete(ports + "/3000", "s1", "student").status()).isEqualTo(404);
		assertThat(this.api.get(ports, "admin", "admin").body().size()).isEqualTo(1);
	}

	@Test
	void badPortsAreRefusedWithAProblemAndChangeNothing() {
		String classId = klass("bad");
		String ports = "/api/classes/" + classId + "/students/s1/ports";
		record Case(String body, int status, String code) {
		}
		List<Case> cases = List.of(new Case("{}", 400, "port-required"),
				new Case("{\"port\":80}", 400, "port-out-of-range"),
				new Case("{\"port\":65536}", 400, "port-out-of-range"),
				new Case("{\"port\":8080}", 400, "port-reserved"));
		for (Case c : cases) {
			Api.Response refused = this.api.post(ports, "s1", "student", c.body());
			assertThat(refused.status()).as(c.body()).isEqualTo(c.status());
			assertThat(refused.text("code")).as(c.body()).isEqualTo(c.code());
		}
		for (int p = 3000; p < 3010; p++) {
			assertThat(this.api.post(ports, "s1", "student", "{\"port\":" + p + "}").status()).isEqualTo(201);
		}
		Api.Response eleventh = this.api.post(ports, "s1", "student", "{\"port\":4000}");
		assertThat(eleventh.status()).isEqualTo(409);
		assertThat(eleventh.text("code")).isEqualTo("too-many-shared-ports");
		assertThat(this.api.get(ports, "s1", "student").body().size()).isEqualTo(10);
	}

	/**
	 * FerretDB gives a count and an insert no isolation: twenty simultaneous shares of
	 * different ports once made more than ten. The share holds the class's roster lock.
	 */
	@Test
	void twentySimultaneousSharesStopAtTheLimitOfTen() throws Exception {
		String classId = klass("burst");
		String ports = "/api/classes/" + classId + "/students/s1/ports";

		List<Api.Response> answers = Simultaneously.run(20,
				i -> () -> this.api.post(ports, "s1", "student", "{\"port\":" + (5000 + i) + "}"));

		assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(10);
		assertThat(answers).filteredOn(a -> a.status() == 409)
			.hasSize(10)
			.allSatisfy(a -> assertThat(a.text("code")).isEqualTo("too-many-shared-ports"));
		assertThat(this.api.get(ports, "s1", "student").body().size()).isEqualTo(10);
	}

	@Test
	void onlyTheStudentTheirTeacherAndAdminsManageTheirPorts() {
		String classId = klass("who");
		String ports = "/api/classes/" + classId + "/students/s1/ports";
		assertThat(this.api.post(ports, "s2", "student", "{\"port\":3000}").status()).isEqualTo(403);
		assertThat(this.api.get(ports, "s2", "student").status()).isEqualTo(403);
		assertThat(this.api.post(ports, "outsider", "student", "{\"port\":3000}").status()).isEqualTo(404);
		assertThat(this.api.post(ports, "teacher2", "teacher", "{\"port\":3000}").status()).isEqualTo(404);
		assertThat(this.api
			.post("/api/classes/" + classId + "/students/nobody/ports", "teacher1", "teacher", "{\"port\":3000}")
			.status()).isEqualTo(404);
		assertThat(this.api.get(ports, "s1", "student").body().size()).isZero();
	}

	@Test
	void theTeacherStillListsAndRemovesTheSharesOfAStudentWhoLeftTheRoster() {
		String classId = klass("left");
		String ports = "/api/classes/" + classId + "/students/s1/ports";
		assertThat(this.api.post(ports, "s1", "student", "{\"port\":3000}").status()).isEqualTo(201);
		assertThat(this.api.put("/api/classes/" + classId + "/roster", "teacher1", "teacher", "{\"students\":[\"s2\"]}")
			.status()).isEqualTo(200);

		assertThat(this.api.get(ports, "s1", "student").status()).isEqualTo(404);
		assertThat(this.api.post(ports, "teacher1", "teacher", "{\"port\":3001}").status()).isEqualTo(404);
		assertThat(this.api.get(ports, "teacher1", "teacher").body().size()).isEqualTo(1);
		assertThat(this.api.delete(ports + "/3000", "teacher1", "teacher").status()).isEqualTo(204);
		assertThat(this.api.get(ports, "admin", "admin").body().size()).isZero();
	}

	@Test
	void sharesOfAClassThatIsNotOpenGiveTraefikNoRoute() {
		String classId = klass("closed");
		assertThat(this.api.post("/api/classes/" + classId + "/students/s1/ports", "s1", "student", "{\"port\":3000}")
			.status()).isEqualTo(201);

		Api.Response routes = this.api.get("/internal/traefik/previews", null, null);

		assertThat(routes.status()).isEqualTo(200);
		assertThat(String.valueOf(routes.body())).doesNotContain(classId);
	}

	private String klass(String suffix) {
		String id = "psh" + RUN + suffix;
		Api.Response created = this.api.post("/api/classes", "teacher1", "teacher", """
				{"classId":"%s","name":"Ports %s","subject":"cs","templateId":"codeserver","students":["s1","s2"]}
				""".formatted(id, suffix));
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		return id;
	}

}
