package coop.commonscloud.portability.internal;

import coop.commonscloud.platform.AccountId;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.NotPermitted;
import coop.commonscloud.platform.PersonalData;
import coop.commonscloud.platform.PersonalData.ExportFile;
import coop.commonscloud.platform.PersonalData.Person;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in person's export: every module's files, with a README, in one zip archive. */
@Component
@RequiredArgsConstructor
class PersonalExport {

	private final List<PersonalData> modules;
	private final Caller caller;

	/** The person the caller is: a signed-in account, never a service client or the public. */
	Person callingPerson() {
		caller.requireSignedIn();
		AccountId account = caller.accountId()
				.orElseThrow(() -> new NotPermitted("Only a person's own account can export or close itself"));
		return new Person(account, caller.username().orElseThrow());
	}

	/** One snapshot: every module's part is read in the same transaction. */
	@Transactional(readOnly = true)
	List<ExportFile> files(Person person) {
		List<ExportFile> files = new ArrayList<>();
		files.add(new ExportFile("README.txt", Readme.TEXT));
		modules.forEach(module -> files.addAll(module.export(person)));
		return files;
	}

	byte[] zip(List<ExportFile> files) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (ExportFile file : files) {
				zip.putNextEntry(new ZipEntry(file.name()));
				zip.write(file.content().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}
}
