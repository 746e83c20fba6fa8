// After the consumer build: it ran the guide's recipes, resolved Warden from the private repository,
// and fetched no framework at all (the point of the lean parent, docs/adr/0013).
File repo = localRepositoryPath
String log = new File(basedir, 'build.log').text

def summaries = []
(log =~ /Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)\s*\n/).each { summaries << it }
assert !summaries.isEmpty() : 'the consumer build ran no test'
def total = summaries.last()
int written = 0
new File(basedir, 'src/test/java').eachFileRecurse { file ->
    if (file.name.endsWith('Test.java')) {
        written += (file.text =~ /@Test\b/).size()
    }
}
assert written > 0 && total[1].toInteger() == written : "the consumer build ran ${total[1]} of ${written} recipes"
assert total[2] == '0' && total[3] == '0' && total[4] == '0' : "not all recipes passed: ${total[0]}"

assert new File(repo, 'dev/warden/warden-domain-fixtures/0.1.0-SNAPSHOT').isDirectory()
assert !new File(repo, 'dev/warden/warden-parent').exists() : 'warden-parent (with its Micronaut BOMs) was resolved'
['io/micronaut', 'io/zonky', 'org/jooq', 'org/flywaydb'].each { group ->
    assert !new File(repo, group).exists() : "the consumer fetched ${group}: a framework leaked into the domain's POMs"
}
true
