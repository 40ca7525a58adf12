package io.caas.classes.it;

import java.util.UUID;

import io.caas.classes.lifecycle.ClassState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing a class after creation ({@code PATCH /api/classes/{classId}}) on the real
 * Mongo-wire server, through HTTP: name, subject and template change only while the class
 * is closed, only by its teacher or an admin, only to subjects and templates that exist,
 * and never into a subject where a student already has a section.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ClassEditIT {

	static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	static {
		Infra.start();
	}

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	RedissonClient redisson;

	private Api api;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		Infra.register(registry, "sch3" + RUN);
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
	void editClosedClassChangesNameSubjectAndTemplate() {
		String classId = create("ok", "cs", "s1");
		String subject = subject("ok");
		String template = template("ok");

		Api.Response edited = edit(classId, "teacher1", "teacher", """
				{"name":"  Renamed  ","subject":"%s","templateId":"%s"}
				""".formatted(subject, template));

		assertThat(edited.status()).as(String.valueOf(edited.body())).isEqualTo(200);
		assertThat(edited.text("name")).isEqualTo("Renamed");
		assertThat(edited.text("subject")).isEqualTo(subject);
		assertThat(edited.text("templateId")).isEqualTo(template);
		Api.Response read = this.api.get("/api/classes/" + classId, "teacher1", "teacher");
		assertThat(read.text("name")).isEqualTo("Renamed");
		assertThat(read.body().path("students").get(0).asString()).isEqualTo("sch3" + RUN + "s1");
		Api.Response onlyName = edit(classId, "admin", "admin", "{\"name\":\"By admin\"}");
		assertThat(onlyName.status()).isEqualTo(200);
		assertThat(onlyName.text("subject")).isEqualTo(subject);
		assertThat(onlyName.text("name")).isEqualTo("By admin");
	}

	@Test
	void editOpenClassThenConflictClassNotClosedAndNothingChanges() {
		String classId = create("open", "cs");
		setState(classId, ClassState.OPEN);

		Api.Response refused = edit(classId, "teacher1", "teacher", "{\"name\":\"Nope\"}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("code")).isEqualTo("class-not-closed");
		assertThat(this.api.get("/api/classes/" + classId, "teacher1", "teacher").text("name")).isEqualTo("Class open");
		setState(classId, ClassState.OPENING);
		assertThat(edit(classId, "teacher1", "teacher", "{\"name\":\"Nope\"}").text("code")).isEqualTo("class-busy");
	}

	@Test
	void editToUnknownSubjectOrTemplateThenBadRequestNamingIt() {
		String classId = create("unk", "cs");

		Api.Response subject = edit(classId, "teacher1", "teacher", "{\"subject\":\"nosuchsubject\"}");
		Api.Response template = edit(classId, "teacher1", "teacher", "{\"name\":\"X\",\"templateId\":\"nosuch\"}");
		Api.Response blank = edit(classId, "teacher1", "teacher", "{\"name\":\"  \"}");
		Api.Response empty = edit(classId, "teacher1", "teacher", "{}");

		assertThat(subject.status()).isEqualTo(400);
		assertThat(subject.text("code")).isEqualTo("unknown-subject");
		assertThat(subject.text("detail")).contains("nosuchsubject");
		assertThat(template.status()).isEqualTo(400);
		assertThat(template.text("code")).isEqualTo("unknown-template");
		assertThat(blank.text("code")).isEqualTo("invalid-name");
		assertThat(empty.text("code")).isEqualTo("nothing-to-change");
		assertThat(this.api.get("/api/classes/" + classId, "teacher1", "teacher").text("name")).isEqualTo("Class unk");
	}

	@Test
	void editByAnotherTeacherIsNotFoundAndByAStudentForbidden() {
		String classId = create("who", "cs", "s1");

		assertThat(edit(classId, "teacher2", "teacher", "{\"name\":\"Mine\"}").status()).isEqualTo(404);
		assertThat(edit(classId, "sch3" + RUN + "s1", "student", "{\"name\":\"Mine\"}").status()).isEqualTo(403);
		assertThat(edit("sch3" + RUN + "none", "teacher1", "teacher", "{\"name\":\"Mine\"}").status()).isEqualTo(404);
		assertThat(this.api.get("/api/classes/" + classId, "teacher1", "teacher").text("name")).isEqualTo("Class who");
	}

	@Test
	void editSubjectWhereAStudentHasAnotherSectionThenConflictNamingThem() {
		String subject = subject("two");
		create("elsewhere", subject, "s7");
		String classId = create("move", "cs", "s7", "s8");

		Api.Response refused = edit(classId, "teacher1", "teacher", "{\"subject\":\"" + subject + "\"}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("code")).isEqualTo("other-section");
		assertThat(refused.text("detail")).contains("sch3" + RUN + "s7").doesNotContain("sch3" + RUN + "s8");
		assertThat(this.api.get("/api/classes/" + classId, "teacher1", "teacher").text("subject")).isEqualTo("cs");
	}

	@Test
	void editSubjectOfAClassWithSelfEnrolledStudentsFreesTheirSeatInTheOldSubject() {
		String oldSubject = subject("olds");
		String newSubject = subject("news");
		String student = "sch3" + RUN + "s5";
		String moved = create("moved", oldSubject);
		String other = create("other", oldSubject);
		for (String classId : new String[] { moved, other }) {
			assertThat(
					this.api.put("/api/classes/" + classId + "/section", "teacher1", "teacher", "{\"selfEnrol\":true}")
						.status())
				.isEqualTo(200);
		}
		assertThat(join(student, moved).status()).isEqualTo(200);
		assertThat(join(student, other).text("code")).isEqualTo("other-section");
		// the seat is older than the time a fresh seat is trusted without its section
		this.mongo.updateMulti(Query.query(Criteria.where("studentId").is(student)),
				new Update().set("claimedAt", java.time.Instant.EPOCH), "subjectSeats");

		assertThat(edit(moved, "teacher1", "teacher", "{\"subject\":\"" + newSubject + "\"}").status()).isEqualTo(200);

		Api.Response joined = join(student, other);
		assertThat(joined.status()).as(String.valueOf(joined.body())).isEqualTo(200);
	}

	private Api.Response join(String student, String classId) {
		return this.api.post("/api/classes/" + classId + "/enrolment", student, "student", "");
	}

	@Test
	void anEditWaitsForTheClaimLockThatAnOpenHolds() {
		String classId = create("claim", "cs", "s1");
		// an open of this class claiming it right now (another owner than the request's
		// thread)
		RLock claim = this.redisson.getLock("caas:class:" + classId + ":claim");
		claim.lock();
		try {
			Api.Response busy = edit(classId, "teacher1", "teacher", "{\"name\":\"While claimed\"}");
			assertThat(busy.status()).as(String.valueOf(busy.body())).isEqualTo(409);
			assertThat(busy.text("code")).isEqualTo("class-busy");
		}
		finally {
			claim.unlock();
		}
		assertThat(this.api.get("/api/classes/" + classId, "teacher1", "teacher").text("name"))
			.isNotEqualTo("While claimed");
		Api.Response edited = edit(classId, "teacher1", "teacher", "{\"name\":\"After the claim\"}");
		assertThat(edited.status()).as(String.valueOf(edited.body())).isEqualTo(200);
		assertThat(edited.text("name")).isEqualTo("After the claim");
	}

	private Api.Response edit(String classId, String user, String roles, String json) {
		return this.api.patch("/api/classes/" + classId, user, roles, json);
	}

	private String create(String suffix, String subject, String... students) {
		String id = "sch3" + RUN + suffix;
		StringBuilder roster = new StringBuilder();
		for (String s : students) {
			roster.append(roster.isEmpty() ? "" : ",").append("\"sch3").append(RUN).append(s).append('"');
		}
		Api.Response created = this.api.post("/api/classes", "teacher1", "teacher", """
				{"classId":"%s","name":"Class %s","subject":"%s","templateId":"codeserver","students":[%s]}
				""".formatted(id, suffix, subject, roster));
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		return id;
	}

	private String subject(String suffix) {
		String id = "sch3" + RUN + suffix;
		Api.Response created = this.api.post("/api/subjects", "admin", "admin",
				"{\"subjectId\":\"" + id + "\",\"name\":\"Subject " + suffix + "\"}");
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		return id;
	}

	private String template(String suffix) {
		String id = "sch3" + RUN + suffix;
		Api.Response created = this.api.post("/api/templates", "admin", "admin", """
				{"id":"%s","displayName":"Alt %s","image":"caas/runtime-codeserver:4.139.1-r2"}
				""".formatted(id, suffix));
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		return id;
	}

	private void setState(String classId, ClassState state) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(classId)), new Update().set("state", state),
				"classes");
	}

}
