// The Go driver's verdict on x509-limbo SERVER cases: crypto/x509 as crypto/tls's client
// calls it (Go 1.19, Debian's golang-go; standard library only).
//
// Run by tests/it/limbo_clients.rs: `go build -o judge judge.go`, then `judge MANIFEST`.
// MANIFEST: one case per line, tab-separated: id, directory (trusted.pem, inter.pem, leaf.pem),
// evaluation time in Unix seconds, peer-name kind (DNS, IP or -), peer name (or -).
// Output: one JSON object per case on stdout: {"id", "result": "accept"|"reject", "error"}.
//
// What the driver and crypto/tls do, reproduced here:
//   - tlsCAFile: x509.CertPool.AppendCertsFromPEM over the file (a certificate that does not
//     parse is skipped; none at all is an error).
//   - crypto/tls (handshake_client.go, verifyServerCertificate): every certificate the server
//     sent is parsed with x509.ParseCertificate (an error fails the handshake); then
//     certs[0].Verify with Roots, CurrentTime, DNSName = Config.ServerName (the host the driver
//     dials, an IP address as its string: Verify then matches IP SANs) and every other sent
//     certificate as Intermediates; KeyUsages left empty means ExtKeyUsageServerAuth. Last, the
//     leaf's key must be RSA, ECDSA or Ed25519.
package main

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

type result struct {
	ID     string  `json:"id"`
	Result string  `json:"result"`
	Error  *string `json:"error"`
}

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer f.Close()
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 1<<20), 1<<20)
	for scanner.Scan() {
		line := scanner.Text()
		if line == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		r := result{ID: fields[0], Result: "accept"}
		if err := judge(fields[1], fields[2], fields[3], fields[4]); err != nil {
			msg := err.Error()
			r.Result = "reject"
			r.Error = &msg
		}
		if err := enc.Encode(r); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
}

func judge(dir, epoch, kind, name string) error {
	secs, err := strconv.ParseInt(epoch, 10, 64)
	if err != nil {
		return err
	}
	rootsPEM, err := os.ReadFile(filepath.Join(dir, "trusted.pem"))
	if err != nil {
		return err
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(rootsPEM) {
		return errors.New("the CA file holds no certificate crypto/x509 can parse")
	}
	var sent [][]byte
	for _, file := range []string{"leaf.pem", "inter.pem"} {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			return err
		}
		for {
			var block *pem.Block
			block, data = pem.Decode(data)
			if block == nil {
				break
			}
			sent = append(sent, block.Bytes)
		}
	}
	if len(sent) == 0 {
		return errors.New("no certificate")
	}
	certs := make([]*x509.Certificate, len(sent))
	for i, der := range sent {
		cert, err := x509.ParseCertificate(der)
		if err != nil {
			return errors.New("tls: failed to parse certificate from server: " + err.Error())
		}
		certs[i] = cert
	}
	opts := x509.VerifyOptions{
		Roots:         roots,
		CurrentTime:   time.Unix(secs, 0),
		Intermediates: x509.NewCertPool(),
	}
	if kind != "-" {
		opts.DNSName = strings.TrimSuffix(strings.TrimPrefix(name, "["), "]")
	}
	for _, cert := range certs[1:] {
		opts.Intermediates.AddCert(cert)
	}
	if _, err := certs[0].Verify(opts); err != nil {
		return err
	}
	switch certs[0].PublicKey.(type) {
	case *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey:
	default:
		return fmt.Errorf("tls: server's certificate contains an unsupported type of public key: %T", certs[0].PublicKey)
	}
	return nil
}
